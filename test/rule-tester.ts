/**
 * The rule tester (ESLint's RuleTester): one rule's valid and invalid cases, each a small workspace
 * of files. A valid case must leave the rule silent; an invalid case must make it report, and its
 * rendering — each finding caret-underlined, its related locations, each fix with the files it
 * writes — must equal the expected snapshot. The rule is linted alone (the findings must be the
 * same as in the whole pack: a rule never depends on another's findings); fixes are checked the way
 * users get them, against the whole pack of the registry (a fix that adds another rule's error is
 * not offered). Every fix offered must leave its files parsable.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { lintSources } from '../server/src/engine/api';
import { fixProblem } from '../server/src/engine/fixes';
import type { LintOptions } from '../server/src/engine/options';
import { LineIndex } from '../server/src/engine/positions';
import type { Project, SourceFile } from '../server/src/engine/project';
import { withRules, type Registry } from '../server/src/engine/registry';
import type { Rule } from '../server/src/engine/rule';
import type { Finding } from '../server/src/engine/types';
import { sourcesWithFix } from './support';

export interface RuleTestCase {
  name: string;
  sources: SourceFile[];
  options: LintOptions;
  /** Where paths in the rendering are relative to. */
  dir: string;
}

export interface InvalidCase extends RuleTestCase {
  /** The expected rendering; undefined to have the tester return it (writing a new snapshot). */
  expected: string | undefined;
}

export class RuleTester {
  constructor(private readonly registry: Registry) {}

  /** Asserts a valid case: no finding of the rule, no internal error. */
  valid(rule: Rule, testCase: RuleTestCase): void {
    const findings = this.lint(rule, testCase).own;
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.message}`), [], `${rule.meta.id} must stay silent`);
  }

  /** Asserts an invalid case and returns its rendering (compared with `expected` when given). */
  invalid(rule: Rule, testCase: InvalidCase): string {
    const { project, own } = this.lint(rule, testCase);
    assert.ok(own.length > 0, `${rule.meta.id} must report`);
    assertFixesAreSound(project, own, testCase.options);
    const actual = renderFindings(project, testCase.dir, own, testCase.options);
    if (testCase.expected !== undefined) assert.equal(actual, testCase.expected);
    return actual;
  }

  private lint(rule: Rule, testCase: RuleTestCase): { project: Project; own: Finding[] } {
    const whole = lintSources(testCase.sources, testCase.options, this.registry);
    const all = [...whole.findings.values()].flat();
    assert.deepEqual(all.filter((f) => f.ruleId === 'DG000').map((f) => f.message), [], 'a rule threw');
    const own = all.filter((f) => f.ruleId === rule.meta.id);
    // DG009 judges the pragmas other rules' findings used: it cannot run alone.
    if (rule.meta.reads !== 'suppressions') {
      const alone = [...lintSources(testCase.sources, testCase.options, withRules(this.registry, [rule])).findings.values()].flat();
      assert.deepEqual(alone.map(describe), own.map(describe), `${rule.meta.id} alone reports what it reports in the whole pack`);
    }
    return { project: whole.project, own };
  }
}

const describe = (f: Finding) => `${f.file}:${f.span.start}-${f.span.end} ${f.ruleId} ${f.message}`;

function caretLine(text: string, finding: Finding): string[] {
  const index = new LineIndex(text);
  const start = index.positionAt(finding.span.start);
  const end = index.positionAt(finding.span.end);
  const lineText = text.split(/\r?\n|\r/)[start.line] ?? '';
  const width = end.line === start.line ? Math.max(1, end.character - start.character) : Math.max(1, lineText.length - start.character);
  return [`  | ${lineText}`, `  | ${' '.repeat(start.character)}${'^'.repeat(width)}`];
}

function place(project: Project, file: string, offset: number): string {
  const p = new LineIndex(project.source(file)?.text ?? '').positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** Each finding caret-underlined, its related locations, then each fix and the files it writes. */
function renderFindings(project: Project, dir: string, findings: Finding[], options: LintOptions): string {
  const out: string[] = [];
  for (const finding of findings) {
    const text = project.source(finding.file)!.text;
    out.push(`${finding.ruleId} ${finding.severity} ${relative(dir, finding.file) || '.'}:${place(project, finding.file, finding.span.start)}-${place(project, finding.file, finding.span.end)}`);
    out.push(...caretLine(text, finding));
    out.push(`  ${finding.message}`);
    for (const related of finding.related) out.push(`  related ${relative(dir, related.location.file)}:${place(project, related.location.file, related.location.span.start)}: ${related.message}`);
    for (const fix of finding.fixes) {
      const problem = fixProblem(project, finding, fix, options);
      out.push(`  fix (${fix.safety}): ${fix.title}${problem ? ` — not offered: ${problem}` : ''}`);
      if (problem || fix.safety === 'display-only') continue;
      for (const s of sourcesWithFix(project, finding.file, fix)) {
        if (project.source(s.path)?.text === s.text) continue;
        out.push(`  --- ${relative(dir, s.path)} after the fix ---`);
        out.push(...s.text.split('\n').map((line) => `  ${line}`));
      }
    }
    out.push('');
  }
  return out.join('\n');
}

function assertFixesAreSound(project: Project, findings: Finding[], options: LintOptions): void {
  const before = project.paths().flatMap((path) => project.findings(path, options).findings);
  // A file that did not parse before (a broken daemon.json beside the unit) is not the fix's doing.
  const brokenBefore = new Set(before.filter((f) => f.ruleId === 'DG001').map((f) => `${f.file} ${f.message}`));
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (fix.safety === 'display-only' || fixProblem(project, finding, fix, options)) continue;
      const after = [...lintSources(sourcesWithFix(project, finding.file, fix), options, project.registry).findings.values()].flat();
      const parseErrors = after.filter((f) => f.ruleId === 'DG001' && !brokenBefore.has(`${f.file} ${f.message}`));
      assert.deepEqual(parseErrors.map((f) => f.message), [], `"${fix.title}" leaves the file unparsable`);
    }
  }
}
