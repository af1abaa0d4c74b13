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
import { join, relative } from 'node:path';
import { lintSources } from '../../server/src/engine/api';
import { fixProblem, sourcesWithFix } from '../../server/src/engine/fixes';
import { withDefaults, type LintOptions } from '../../server/src/engine/options';
import { kindOfPath } from '../../server/src/engine/kinds';
import { LineIndex } from '../../server/src/engine/positions';
import type { FileKind, Finding } from '../../server/src/engine/types';
import type { SourceFile } from '../../server/src/engine/workspace';
import { RULES_BY_ID } from '../../server/src/rules';

const ROOT = join(__dirname);
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const KIND_BY_EXTENSION: Record<string, FileKind> = { json: 'daemon-json', service: 'systemd', socket: 'systemd', conf: 'systemd', yaml: 'compose', yml: 'compose', rules: 'audit' };

function kindOfFixture(path: string): FileKind {
  const real = kindOfPath(path);
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

function caretLine(text: string, finding: Finding): string[] {
  const index = new LineIndex(text);
  const start = index.positionAt(finding.span.start);
  const end = index.positionAt(finding.span.end);
  const lineText = text.split(/\r?\n|\r/)[start.line] ?? '';
  const width = end.line === start.line ? Math.max(1, end.character - start.character) : Math.max(1, lineText.length - start.character);
  return [`  | ${lineText}`, `  | ${' '.repeat(start.character)}${'^'.repeat(width)}`];
}

function place(sources: SourceFile[], file: string, offset: number): string {
  const text = sources.find((s) => s.path === file)?.text ?? '';
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** The snapshot: each finding of the rule under test, caret-underlined, then each fix and its result. */
function renderSnapshot(caseDir: string, sources: SourceFile[], findings: Finding[], options: LintOptions, before: Map<string, Finding[]>): string {
  const out: string[] = [];
  for (const finding of findings) {
    const source = sources.find((s) => s.path === finding.file)!;
    out.push(`${finding.ruleId} ${finding.severity} ${relative(caseDir, finding.file) || '.'}:${place(sources, finding.file, finding.span.start)}-${place(sources, finding.file, finding.span.end)}`);
    out.push(...caretLine(source.text, finding));
    out.push(`  ${finding.message}`);
    for (const related of finding.related) out.push(`  related ${relative(caseDir, related.location.file)}:${place(sources, related.location.file, related.location.span.start)}: ${related.message}`);
    for (const fix of finding.fixes) {
      const problem = fixProblem(sources, finding, fix, options, before);
      out.push(`  fix (${fix.safety}): ${fix.title}${problem ? ` — not offered: ${problem}` : ''}`);
      if (problem || fix.safety === 'display-only') continue;
      const fixed = sourcesWithFix(sources, finding.file, fix);
      for (const s of fixed) {
        const original = sources.find((o) => o.path === s.path);
        if (original && original.text === s.text) continue;
        out.push(`  --- ${relative(caseDir, s.path)} after the fix ---`);
        out.push(...s.text.split('\n').map((line) => `  ${line}`));
      }
    }
    out.push('');
  }
  return out.join('\n');
}

function assertFixesAreSound(sources: SourceFile[], findings: Finding[], options: LintOptions, before: Map<string, Finding[]>) {
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (fix.safety === 'display-only' || fixProblem(sources, finding, fix, options, before)) continue;
      const fixed = sourcesWithFix(sources, finding.file, fix);
      const after = lintSources(fixed, options).findings;
      // A file that did not parse before (a broken daemon.json beside the unit) is not the fix's doing.
      const brokenBefore = new Set([...before.values()].flat().filter((f) => f.ruleId === 'DG001').map((f) => `${f.file} ${f.message}`));
      const parseErrors = [...after.values()].flat().filter((f) => f.ruleId === 'DG001' && !brokenBefore.has(`${f.file} ${f.message}`));
      assert.deepEqual(parseErrors.map((f) => f.message), [], `"${fix.title}" leaves the file unparsable`);
    }
  }
}

const ruleDirs = readdirSync(ROOT)
  .filter((group) => statSync(join(ROOT, group)).isDirectory())
  .flatMap((group) => readdirSync(join(ROOT, group)).map((name) => join(ROOT, group, name)))
  .filter((dir) => statSync(dir).isDirectory() && /^dg\d{3}-/.test(dir.split('/').pop()!));

for (const ruleDir of ruleDirs) {
  const ruleId = ruleDir.split('/').pop()!.slice(0, 5).toUpperCase();
  describe(`${ruleId} fixtures`, () => {
    it('names a registered rule', () => assert.ok(RULES_BY_ID.has(ruleId), `${ruleId} is not in the registry`));
    const cases = readdirSync(ruleDir).filter((n) => /^(valid|invalid)-/.test(n) && !n.endsWith('.snap') && !n.endsWith('.options.json'));
    assert.ok(cases.some((n) => n.startsWith('invalid-')), `${ruleDir} has no invalid- case`);
    for (const name of cases) {
      const casePath = join(ruleDir, name);
      it(name, () => {
        const sources = sourcesOf(casePath);
        const options = optionsOf(casePath);
        const before = lintSources(sources, options).findings;
        const findings = [...before.values()].flat().filter((f) => f.ruleId === ruleId);
        const internal = [...before.values()].flat().filter((f) => f.ruleId === 'DG000');
        assert.deepEqual(internal.map((f) => f.message), [], 'a rule threw');
        if (name.startsWith('valid-')) {
          assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.message}`), [], `${ruleId} must stay silent`);
          return;
        }
        assert.ok(findings.length > 0, `${ruleId} must report`);
        assertFixesAreSound(sources, findings, options, before);
        const caseDir = statSync(casePath).isDirectory() ? casePath : ruleDir;
        const actual = renderSnapshot(caseDir, sources, findings, options, before);
        const snapPath = casePath.replace(/\/$/, '') + '.snap';
        if (UPDATE || (!existsSync(snapPath) && !process.env.CI)) {
          writeFileSync(snapPath, actual);
          return;
        }
        assert.ok(existsSync(snapPath), `missing snapshot ${snapPath} (run with UPDATE_SNAPSHOTS=1)`);
        assert.equal(actual, readFileSync(snapPath, 'utf8'));
      });
    }
  });
}
