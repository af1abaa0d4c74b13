/**
 * Properties of the engine on Compose files (fast-check): arbitrary text and Compose-like YAML built
 * from real keys and values never make the engine throw or report DG000, every span lies in the
 * text; every offered fix (safe and unsafe) re-parses, adds no error-level finding and is not
 * offered again once applied; fix-all is idempotent.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintSources, projectOf } from '../../server/src/engine/api';
import { fixAll, fixProblem } from '../../server/src/engine/fixes';
import { withDefaults } from '../../server/src/engine/options';
import type { Finding } from '../../server/src/engine/types';
import { REGISTRY } from '../../server/src/registry';
import { sourcesWithFix } from '../support';

const PATH = 'app/compose.yaml';
const OPTIONS = withDefaults({ profile: 'all' });
const sourceOf = (text: string) => [{ path: PATH, kind: 'compose', text }];
const lint = (text: string): Finding[] => lintSources(sourceOf(text), OPTIONS, REGISTRY).findings.get(PATH) ?? [];

/** A setting as people write it, each with a few values (good, bad, interpolated, flow and block). */
const SETTINGS: Record<string, string[]> = {
  image: ['nginx', 'nginx:1.27', '"app:${TAG:-1}"'],
  privileged: ['true', 'false', '"true"', '${PRIV}'],
  read_only: ['true', 'false'],
  user: ['root', '"1000:1000"', '"0"'],
  restart: ['always', 'on-failure:5', '"unless-stopped"'],
  pid: ['host', '"service:db"'],
  network_mode: ['host', 'bridge'],
  cap_add: ['[SYS_ADMIN]', '[net_admin, CHOWN]', '\n      - ALL\n      - CAP_SYS_PTRACE'],
  cap_drop: ['[ALL]', '[NET_RAW]'],
  security_opt: ['["no-new-privileges:true"]', '[seccomp:unconfined]', '\n      - apparmor=unconfined'],
  ports: ['["8080:80"]', '["127.0.0.1:80:80", 9000]', '\n      - "${PORT:-80}:80"\n      - target: 80\n        published: 8080'],
  volumes: ['[/var/run/docker.sock:/var/run/docker.sock]', '["/etc:/etc", "data:/data"]', '\n      - type: bind\n        source: /\n        target: /host'],
  tmpfs: ['/tmp', '["/run:exec"]'],
  logging: ['{driver: none}', '{driver: none, options: {max-size: 1m}}'],
  environment: ['{DB_PASSWORD: x}', '[API_TOKEN=abc, A=1]'],
  healthcheck: ['{disable: true}', '{test: ["CMD", "true"]}'],
  restrat: ['always'],
};
const setting = fc.constantFrom(...Object.keys(SETTINGS)).chain((key) => fc.constantFrom(...SETTINGS[key]).map((value) => `    ${key}: ${value}`));
const service = fc.tuple(fc.constantFrom('web', 'db', 'x'), fc.uniqueArray(setting, { maxLength: 6, selector: (line) => line.split(':')[0] }))
  .map(([name, lines]) => `  ${name}:\n${lines.join('\n')}`);
const composeText = fc.record({
  version: fc.boolean(),
  anchor: fc.boolean(),
  services: fc.uniqueArray(service, { minLength: 1, maxLength: 3, selector: (s) => s.split(':')[0] }),
  crlf: fc.boolean(),
  comment: fc.boolean(),
}).map(({ version, anchor, services, crlf, comment }) => {
  const head = `${version ? 'version: "3"\n' : ''}${anchor ? 'x-base: &base\n  privileged: true\n  cap_add: [SYS_ADMIN]\n' : ''}services:\n`;
  let text = head + services.map((s, i) => (anchor && i === 0 ? s.replace(/^( {2}\w+:\n)/, '$1    <<: *base\n') : s)).join('\n') + '\n';
  if (comment) text = text.replace('services:\n', 'services:  # the app\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

const RUNS = { numRuns: 60 };

describe('compose engine properties', () => {
  it('any text: no throw, no DG000, every span inside the text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), composeText), (text) => {
      const findings = lint(text);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'DG000').map((f) => f.message), []);
      for (const f of findings) assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span outside the text`);
    }), { numRuns: 200 });
  });

  it('every offered fix re-parses, adds no error and resolves its finding', () => {
    fc.assert(fc.property(composeText, (text) => {
      const project = projectOf(sourceOf(text), REGISTRY);
      const before = project.findings(PATH, OPTIONS).findings;
      const errorsBefore = before.filter((f) => f.severity === 'error').length;
      for (const finding of before) {
        for (const fix of finding.fixes) {
          if (fix.safety === 'display-only' || fixProblem(project, finding, fix, OPTIONS) !== undefined) continue;
          const fixed = sourcesWithFix(project, PATH, fix)[0].text;
          const after = lint(fixed);
          assert.deepEqual(after.filter((f) => f.ruleId === 'DG001').map((f) => f.message), [], `${finding.ruleId} "${fix.title}" broke ${JSON.stringify(text)} into ${JSON.stringify(fixed)}`);
          assert.ok(after.filter((f) => f.severity === 'error').length <= errorsBefore, `${finding.ruleId} "${fix.title}" added an error`);
        }
      }
    }), RUNS);
  });

  it('fix-all (unsafe included) is idempotent and never adds DG001', () => {
    fc.assert(fc.property(composeText, (text) => {
      const once = fixAll(projectOf(sourceOf(text), REGISTRY), [PATH], OPTIONS, ['safe', 'unsafe']).texts.get(PATH) ?? text;
      const twice = fixAll(projectOf(sourceOf(once), REGISTRY), [PATH], OPTIONS, ['safe', 'unsafe']).texts.get(PATH) ?? once;
      assert.equal(twice, once, `fix-all of ${JSON.stringify(text)} is not stable`);
      assert.deepEqual(lint(once).filter((f) => f.ruleId === 'DG001').map((f) => f.message), [], `fix-all broke ${JSON.stringify(text)} into ${JSON.stringify(once)}`);
    }), RUNS);
  });
});
