/**
 * Rule fixtures (biome's layout, ruff's snapshot content). Under test/rules/<group>/<dgNNN-name>/:
 *   valid-*.ext      the rule under test reports nothing
 *   invalid-*.ext    it reports; `invalid-*.ext.snap` holds the findings and the text after each fix
 *   valid-NAME or invalid-NAME as a folder: a small workspace (cross-file cases); files keep their real names
 *   *.options.json   optional lint options for the fixture beside it ({"dockerVersion": "24.0"})
 * UPDATE_SNAPSHOTS=1 rewrites snapshots; a missing snapshot fails under CI.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOfPath } from '../../server/src/engine/kind';
import { withDefaults, type LintOptions } from '../../server/src/engine/options';
import type { SourceFile } from '../../server/src/engine/project';
import { REGISTRY } from '../../server/src/registry';
import { RuleTester } from '../rule-tester';

const ROOT = join(__dirname);
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const KIND_BY_EXTENSION: Record<string, string> = { json: 'daemon-json', service: 'systemd', socket: 'systemd', conf: 'systemd', yaml: 'compose', yml: 'compose', rules: 'audit', env: 'compose-env' };

function kindOfFixture(path: string): string {
  const real = kindOfPath(REGISTRY.kinds, path)?.name;
  if (real) return real;
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const kind = KIND_BY_EXTENSION[ext];
  if (!kind) throw new Error(`cannot tell the kind of fixture ${path}`);
  return kind;
}

function* walkFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walkFiles(full);
    else yield full;
  }
}

/** The sources of one case: a single file, or every file of a workspace folder. */
function sourcesOf(casePath: string): SourceFile[] {
  const files = statSync(casePath).isDirectory() ? [...walkFiles(casePath)].filter((f) => !f.endsWith('.snap') && !f.endsWith('.options.json')) : [casePath];
  return files.map((path) => ({ path, kind: kindOfFixture(path), text: readFileSync(path, 'utf8') }));
}

function optionsOf(casePath: string): LintOptions {
  const optionsFile = casePath.replace(/\/$/, '') + '.options.json';
  const extra = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  return withDefaults({ profile: 'all', ...extra });
}

const tester = new RuleTester(REGISTRY);

const ruleDirs = readdirSync(ROOT)
  .filter((group) => statSync(join(ROOT, group)).isDirectory())
  .flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name)))
  .filter((dir) => statSync(dir).isDirectory() && /^dg\d{3}-/.test(dir.split('/').pop()!));

for (const ruleDir of ruleDirs) {
  const ruleId = ruleDir.split('/').pop()!.slice(0, 5).toUpperCase();
  describe(`${ruleId} fixtures`, () => {
    it('names a registered rule', () => assert.ok(REGISTRY.rulesById.has(ruleId), `${ruleId} is not in the registry`));
    const cases = readdirSync(ruleDir).filter((n) => /^(valid|invalid)-/.test(n) && !n.endsWith('.snap') && !n.endsWith('.options.json'));
    assert.ok(cases.some((n) => n.startsWith('invalid-')), `${ruleDir} has no invalid- case`);
    for (const name of cases) {
      const casePath = join(ruleDir, name);
      it(name, () => {
        const rule = REGISTRY.rulesById.get(ruleId)!;
        const testCase = { name, sources: sourcesOf(casePath), options: optionsOf(casePath), dir: statSync(casePath).isDirectory() ? casePath : ruleDir };
        if (name.startsWith('valid-')) return tester.valid(rule, testCase);
        const snapPath = casePath.replace(/\/$/, '') + '.snap';
        if (UPDATE || (!existsSync(snapPath) && !process.env.CI)) {
          writeFileSync(snapPath, tester.invalid(rule, { ...testCase, expected: undefined }));
          return;
        }
        assert.ok(existsSync(snapPath), `missing snapshot ${snapPath} (run with UPDATE_SNAPSHOTS=1)`);
        tester.invalid(rule, { ...testCase, expected: readFileSync(snapPath, 'utf8') });
      });
    }
  });
}
