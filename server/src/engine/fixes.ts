/**
 * Applying and checking fixes. A fix is kept only when the fixed file still parses, it adds no
 * error-level finding (e.g. `icc: false` while `iptables: false`, which dockerd refuses) and it
 * removes the finding it was offered for, so a second application changes nothing more.
 */
import { lintSources } from './api';
import type { LintOptions } from './options';
import type { Finding, Fix, FixSafety, TextEdit } from './types';
import type { SourceFile } from './workspace';

/** Apply sorted, non-overlapping edits (applied back to front so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
  }
  return result;
}

/** The workspace's sources after a fix (its own file and any other files it changes or creates). */
export function sourcesWithFix(sources: readonly SourceFile[], file: string, fix: Fix): SourceFile[] {
  const changes = new Map<string, TextEdit[]>([[file, fix.edits]]);
  for (const other of fix.otherFiles ?? []) changes.set(other.file, [...(changes.get(other.file) ?? []), ...other.edits]);
  const result = sources.map((s) => (changes.has(s.path) ? { ...s, text: applyEdits(s.text, changes.get(s.path)!) } : s));
  for (const other of fix.otherFiles ?? []) {
    if (other.create && !sources.some((s) => s.path === other.file)) {
      const kind = sources.find((s) => s.path === file)?.kind ?? 'systemd';
      result.push({ path: other.file, kind: other.file.endsWith('.json') ? 'daemon-json' : kind, text: applyEdits('', other.edits) });
    }
  }
  return result;
}

function errorCounts(findings: Iterable<Finding[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of findings) for (const f of list) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/** Why a fix may not be offered as it stands, or undefined when it may. */
export function fixProblem(sources: readonly SourceFile[], finding: Finding, fix: Fix, options: LintOptions, before?: Map<string, Finding[]>): string | undefined {
  if (fix.safety === 'display-only') return undefined;
  const old = before ?? lintSources(sources, options).findings;
  const fixedSources = sourcesWithFix(sources, finding.file, fix);
  const after = lintSources(fixedSources, options).findings;
  const oldErrors = errorCounts(old.values());
  for (const [ruleId, count] of errorCounts(after.values())) {
    if (count > (oldErrors.get(ruleId) ?? 0)) return `it would add a ${ruleId} error`;
  }
  const same = (f: Finding) => f.ruleId === finding.ruleId && f.message === finding.message;
  const remaining = (after.get(finding.file) ?? []).filter(same).length;
  const previously = (old.get(finding.file) ?? []).filter(same).length;
  if (remaining >= previously) return 'it does not resolve the finding';
  return undefined;
}

/** Only the fixes that pass `fixProblem`. */
export function offerableFixes(sources: readonly SourceFile[], finding: Finding, options: LintOptions, before?: Map<string, Finding[]>): Fix[] {
  return finding.fixes.filter((fix) => fixProblem(sources, finding, fix, options, before) === undefined);
}

const MAX_FIX_PASSES = 10;

/**
 * Apply every fix of the allowed safeties to one file, in passes of non-overlapping fixes (ESLint's
 * source-code-fixer), re-linting between passes. Returns the fixed text of every changed file.
 * A pass first checks its fixes together (one lint: fix-all on save must answer fast); only when the
 * combination fails is each fix checked on its own, so a bad fix never rides along with good ones.
 */
export function fixAll(sources: readonly SourceFile[], file: string, options: LintOptions, safeties: readonly FixSafety[] = ['safe']): Map<string, string> {
  let current = [...sources];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = lintSources(current, options).findings;
    const candidates: { finding: Finding; fix: Fix }[] = [];
    for (const finding of findings.get(file) ?? []) {
      const fix = finding.fixes.find((f) => safeties.includes(f.safety));
      if (!fix || fix.otherFiles?.length) continue;
      if (fix.edits.some((e) => candidates.some((c) => c.fix.edits.some((t) => overlaps(e, t))))) continue;
      candidates.push({ finding, fix });
    }
    const accepted = combinationHolds(current, file, candidates, options, findings)
      ? candidates
      : candidates.filter(({ finding, fix }) => fixProblem(current, finding, fix, options, findings) === undefined);
    if (accepted.length === 0) break;
    current = sourcesWithFix(current, file, { title: 'fix all', safety: 'safe', edits: accepted.flatMap((c) => c.fix.edits) });
  }
  const changed = new Map<string, string>();
  for (const s of current) {
    const original = sources.find((o) => o.path === s.path);
    if (!original || original.text !== s.text) changed.set(s.path, s.text);
  }
  return changed;
}

/** `fixProblem`'s three checks for several fixes applied at once: parses, no new error, each resolved. */
function combinationHolds(sources: readonly SourceFile[], file: string, candidates: readonly { finding: Finding; fix: Fix }[], options: LintOptions, before: Map<string, Finding[]>): boolean {
  if (candidates.length < 2) return false; // one fix: the per-fix check is the same work
  const edits = candidates.flatMap((c) => c.fix.edits);
  const after = lintSources(sourcesWithFix(sources, file, { title: 'fix all', safety: 'safe', edits }), options).findings;
  const oldErrors = errorCounts(before.values());
  for (const [ruleId, count] of errorCounts(after.values())) if (count > (oldErrors.get(ruleId) ?? 0)) return false;
  const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;
  const count = (list: readonly Finding[] | undefined, k: string) => (list ?? []).filter((f) => key(f) === k).length;
  const fixedPerKey = new Map<string, number>();
  for (const { finding } of candidates) fixedPerKey.set(key(finding), (fixedPerKey.get(key(finding)) ?? 0) + 1);
  for (const [k, fixed] of fixedPerKey) if (count(after.get(file), k) > count(before.get(file), k) - fixed) return false;
  return true;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Touching edits at one point also conflict: two insertions at one offset have no defined order.
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}
