/**
 * Properties of the audit rules over generated input (fast-check): arbitrary text and rules built
 * from auditctl's real options never make lintSources throw or report DG000, and every span lies in
 * the text; the add-watch fixes of DG401 leave a set that parses with no new error, silence DG401
 * when all are applied, and once applied are not offered again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintSources, projectOf } from '../../server/src/engine/api';
import { applyEdits } from '../../server/src/engine/edits';
import { fixAll, fixProblem } from '../../server/src/engine/fixes';
import { withDefaults } from '../../server/src/engine/options';
import type { Finding } from '../../server/src/engine/types';
import type { SourceFile } from '../../server/src/engine/project';
import { REGISTRY } from '../../server/src/registry';

const OPTIONS = withDefaults({ profile: 'all' });
const RUNS = { numRuns: 150 };
const FRAGMENT = 'host/etc/audit/rules.d/docker.rules';

const lint = (sources: SourceFile[]) => lintSources(sources, OPTIONS, REGISTRY).findings;
const all = (findings: Map<string, Finding[]>) => [...findings.values()].flat();

const word = fc.constantFrom(
  '-w', '-W', '-p', '-k', '-a', '-A', '-d', '-S', '-F', '-C', '-D', '-b', '-e', '-f', '-r', '-c', '-i', '--backlog_wait_time', '--loginuid-immutable',
  'always,exit', 'exit,always', 'never,exclude', 'task,never', 'wa', 'rwxa', 'x', 'docker', '/etc/docker', '/usr/bin/dockerd', '/var/lib/docker/', 'etc/x',
  'arch=b64', 'arch=b32', 'arch=aarch64', 'auid>=1000', 'auid!=unset', 'path=/usr/bin/runc', 'dir=/etc/docker', 'perm=wa', 'key=k', 'exit=-EACCES', 'msgtype=CWD',
  'open,openat', 'all', '2', 'opne', 'uid!=euid', '0', '1', '2', '8192', '#', '\\ ', '\t',
);
const line = fc.array(word, { maxLength: 9 }).map((words) => words.join(' '));
const rulesText = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));

function assertSound(sources: SourceFile[]): void {
  const findings = all(lint(sources));
  assert.deepEqual(findings.filter((f) => f.ruleId === 'DG000').map((f) => f.message), []);
  for (const f of findings) {
    const text = sources.find((s) => s.path === f.file)!.text;
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span outside the text`);
  }
}

describe('audit rules on generated input', () => {
  it('arbitrary text never throws, never reports DG000, keeps spans in the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => assertSound([{ path: FRAGMENT, kind: 'audit', text }])), RUNS);
  });

  it('rules built from real options, standalone and as rules.d fragments, likewise', () => {
    fc.assert(fc.property(rulesText, rulesText, (a, b) => {
      assertSound([{ path: 'audit.rules', kind: 'audit', text: a }]);
      assertSound([{ path: FRAGMENT, kind: 'audit', text: a }, { path: 'host/etc/audit/rules.d/10-base.rules', kind: 'audit', text: b }]);
    }), RUNS);
  });

  it("DG401's add-watch fixes add no error, the one for all silences DG401, and fixing again changes nothing", () => {
    fc.assert(fc.property(rulesText, (text) => {
      const sources: SourceFile[] = [{ path: FRAGMENT, kind: 'audit', text }];
      const { project, findings } = lintSources(sources, OPTIONS, REGISTRY);
      const finding = all(findings).find((f) => f.ruleId === 'DG401');
      if (!finding) return;
      for (const fix of finding.fixes) assert.equal(fixProblem(project, finding, fix, OPTIONS), undefined, fix.title);
      const fixed = applyEdits(text, finding.fixes[finding.fixes.length - 1].edits);
      assert.deepEqual(all(lint([{ ...sources[0], text: fixed }])).filter((f) => f.ruleId === 'DG401').map((f) => f.message), []);
      const once = fixAll(projectOf(sources, REGISTRY), [FRAGMENT], OPTIONS, ['safe', 'unsafe']).texts.get(FRAGMENT) ?? text;
      const twice = fixAll(projectOf([{ ...sources[0], text: once }], REGISTRY), [FRAGMENT], OPTIONS, ['safe', 'unsafe']).texts.get(FRAGMENT) ?? once;
      assert.equal(twice, once, `fixing ${JSON.stringify(text)} again changes it`);
    }), { numRuns: 40 });
  });
});
