/**
 * Checking and applying fixes over a project. A fix is kept only when the fixed files still parse,
 * it adds no error-level finding (e.g. `icc: false` while `iptables: false`, which dockerd refuses)
 * and it removes the finding it was offered for, so a second application changes nothing more.
 * Every check lints only the finding's machine with the fixed texts; every other file keeps its parse.
 */
import { applyEdits } from './edits';
import type { LintOptions } from './options';
import type { Project } from './project';
import type { Finding, Fix, FixSafety, TextEdit } from './types';

/** The texts of the files a fix changes or creates, after it, on top of `current` (earlier changes). */
export function textsWithFix(project: Project, current: ReadonlyMap<string, string>, file: string, fix: Fix): Map<string, string> {
  return textsWithFixes(project, current, [{ finding: { file }, fix }]);
}

/** The texts after several fixes on top of `current`: each file's edits applied together. */
function textsWithFixes(project: Project, current: ReadonlyMap<string, string>, fixes: readonly { finding: Pick<Finding, 'file'>; fix: Fix }[]): Map<string, string> {
  const edits = new Map<string, TextEdit[]>();
  const add = (file: string, list: readonly TextEdit[]) => edits.set(file, [...(edits.get(file) ?? []), ...list]);
  for (const { finding, fix } of fixes) {
    add(finding.file, fix.edits);
    for (const other of fix.otherFiles ?? []) add(other.file, other.edits);
  }
  const result = new Map(current);
  for (const [path, list] of edits) if (list.length > 0) result.set(path, applyEdits(current.get(path) ?? project.source(path)?.text ?? '', list));
  return result;
}

function errorCounts(findings: Iterable<Finding[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of findings) for (const f of list) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function addsError(before: Map<string, Finding[]>, after: Map<string, Finding[]>): string | undefined {
  const old = errorCounts(before.values());
  for (const [ruleId, count] of errorCounts(after.values())) if (count > (old.get(ruleId) ?? 0)) return ruleId;
  return undefined;
}

/** What tells one finding from another across re-lints (spans move as fixes apply). */
export const findingKey = (f: Finding) => `${f.file}\u0000${f.ruleId}\u0000${f.message}`;

/** Why a fix may not be offered as it stands, or undefined when it may. */
export function fixProblem(project: Project, finding: Finding, fix: Fix, options: LintOptions): string | undefined {
  if (fix.safety === 'display-only') return undefined;
  const before = project.machineFindings(finding.file, options);
  const after = project.lintWithChanges(finding.file, textsWithFix(project, new Map(), finding.file, fix), options);
  return problemOf(before, after, [{ finding }]);
}

/** Only the fixes that pass `fixProblem`. */
export function offerableFixes(project: Project, finding: Finding, options: LintOptions): Fix[] {
  return finding.fixes.filter((fix) => fixProblem(project, finding, fix, options) === undefined);
}

export interface FixAllResult {
  /** The new text of every file changed or created. */
  texts: Map<string, string>;
  /** Each fix applied, with the finding it resolved (as linted in the pass that applied it). */
  applied: { finding: Finding; fix: Fix }[];
  /** The machine's findings after the last pass. */
  findings: Map<string, Finding[]>;
}

const MAX_FIX_PASSES = 10;

/**
 * Apply every fix of the allowed safeties to the findings of `files` (one file for the editor's
 * fix-all, a whole machine for `--fix`), in passes of non-overlapping fixes (ESLint's
 * source-code-fixer), re-linting the machine between passes. A fix that creates or edits another
 * file (a drop-in beside a vendor unit) is applied like any other. A pass first checks its fixes
 * together (one lint: fix-all on save must answer fast); only when the combination fails is each
 * fix checked on its own, so a bad fix never rides along with good ones. `accept` narrows the fixes
 * (an editor that cannot create files takes none that do).
 */
export function fixAll(project: Project, files: readonly string[], options: LintOptions, safeties: readonly FixSafety[] = ['safe'], accept: (fix: Fix) => boolean = () => true): FixAllResult {
  const anchor = files[0];
  let texts = new Map<string, string>();
  const applied: FixAllResult['applied'] = [];
  let findings = project.machineFindings(anchor, options);
  for (let pass = 0; pass < MAX_FIX_PASSES && anchor !== undefined; pass++) {
    const candidates: { finding: Finding; fix: Fix }[] = [];
    // A file a fix created carries on the findings it took over (a missing setting now anchored there).
    const created = [...texts.keys()].filter((path) => !project.has(path) && !files.includes(path));
    for (const file of [...files, ...created]) {
      for (const finding of findings.get(file) ?? []) {
        const fix = finding.fixes.find((f) => safeties.includes(f.safety) && accept(f));
        if (fix && !candidates.some((c) => conflicts(c, { finding, fix }))) candidates.push({ finding, fix });
      }
    }
    if (candidates.length === 0) break;
    const combined = lintCombination(project, anchor, texts, candidates, options);
    let accepted = candidates;
    let after = holds(findings, combined.after, candidates) ? combined.after : undefined;
    if (!after) {
      accepted = candidates.filter((candidate) => holds(findings, lintCombination(project, anchor, texts, [candidate], options).after, [candidate]));
      if (accepted.length === 0) break;
      after = lintCombination(project, anchor, texts, accepted, options).after;
    }
    texts = lintCombination(project, anchor, texts, accepted, options, false).texts;
    applied.push(...accepted);
    findings = after;
  }
  return { texts, applied, findings };
}

/** The texts and findings after several fixes on top of `texts`; `lint: false` skips the lint. */
function lintCombination(project: Project, anchor: string, texts: ReadonlyMap<string, string>, fixes: readonly { finding: Finding; fix: Fix }[], options: LintOptions, lint = true): { texts: Map<string, string>; after: Map<string, Finding[]> } {
  const next = textsWithFixes(project, texts, fixes);
  return { texts: next, after: lint ? project.lintWithChanges(anchor, next, options) : new Map() };
}

/** Why fixes applied at once may not stand: they add an error, or leave one of their findings. */
function problemOf(before: Map<string, Finding[]>, after: Map<string, Finding[]>, fixes: readonly { finding: Finding }[]): string | undefined {
  const added = addsError(before, after);
  if (added) return `it would add a ${added} error`;
  const fixedPerKey = new Map<string, number>();
  for (const { finding } of fixes) fixedPerKey.set(findingKey(finding), (fixedPerKey.get(findingKey(finding)) ?? 0) + 1);
  const count = (findings: Map<string, Finding[]>, file: string, key: string) => (findings.get(file) ?? []).filter((f) => findingKey(f) === key).length;
  for (const { finding } of fixes) {
    const key = findingKey(finding);
    if (count(after, finding.file, key) > count(before, finding.file, key) - fixedPerKey.get(key)!) return 'it does not resolve the finding';
  }
  return undefined;
}

const holds = (before: Map<string, Finding[]>, after: Map<string, Finding[]>, fixes: readonly { finding: Finding }[]) => problemOf(before, after, fixes) === undefined;

/** Two fixes conflict when they touch the same file at overlapping (or touching) places. */
function conflicts(a: { finding: Finding; fix: Fix }, b: { finding: Finding; fix: Fix }): boolean {
  const editsOf = ({ finding, fix }: { finding: Finding; fix: Fix }) => [
    ...fix.edits.map((edit) => ({ file: finding.file, edit })),
    ...(fix.otherFiles ?? []).flatMap((other) => other.edits.map((edit) => ({ file: other.file, edit }))),
  ];
  const theirs = editsOf(b);
  return editsOf(a).some((mine) => theirs.some((other) => other.file === mine.file && overlaps(mine.edit, other.edit)));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Touching edits at one point also conflict: two insertions at one offset have no defined order.
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}
