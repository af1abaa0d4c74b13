/**
 * Problems as a person counts them, and the summary line the text and concise formats end with.
 * A conflict between two files (a dockerd flag and a daemon.json key) is one problem, reported in
 * each file it involves: findings of one rule that point at each other count once.
 */
import { compareVersions } from '../../engine/types';
import { SEVERITY_ORDER, type Location } from '../../engine/types';
import type { PlacedFinding } from './common';

/** What the run covered, for the summary. */
export interface RunFacts {
  files: number;
  /** Each file `--fix` wrote, as the user reads its path, with the problems fixed there. */
  fixed: readonly FixedFile[];
  /** The dockerd releases judged, with how many files each; more than one when config files differ. */
  dockerVersions: ReadonlyMap<string, number>;
}

export interface FixedFile {
  file: string;
  problems: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `--fix` wrote, a line per file (ruff's `--fix` says what it changed): `Fixed 3 problems in etc/docker/daemon.json`. */
export function fixedLines(fixed: readonly FixedFile[]): string[] {
  return fixed.map(({ file, problems }) => `Fixed ${plural(problems, 'problem')} in ${file}`);
}

/** The total over the files `--fix` wrote: `fixed 5 problems in 2 files`. */
function fixedTotal(fixed: readonly FixedFile[]): string {
  const problems = fixed.reduce((sum, f) => sum + f.problems, 0);
  return `fixed ${plural(problems, 'problem')} in ${plural(fixed.length, 'file')}`;
}

/** One problem: its findings in report order; the first is where the text format shows it. */
export type Problem = PlacedFinding[];

const key = (ruleId: string, location: Location) => `${ruleId}\u0000${location.file}\u0000${location.span.start}\u0000${location.span.end}`;

export function groupProblems(placed: readonly PlacedFinding[]): Problem[] {
  const byLocation = new Map(placed.map((p) => [key(p.finding.ruleId, p.finding), p]));
  const root = new Map<PlacedFinding, PlacedFinding>(placed.map((p) => [p, p]));
  const find = (p: PlacedFinding): PlacedFinding => (root.get(p) === p ? p : find(root.get(p)!));
  for (const p of placed) {
    for (const related of p.finding.related) {
      const other = byLocation.get(key(p.finding.ruleId, related.location));
      const mutual = other?.finding.related.some((r) => key(p.finding.ruleId, r.location) === key(p.finding.ruleId, p.finding));
      if (other && other !== p && mutual) root.set(find(other), find(p));
    }
  }
  const problems = new Map<PlacedFinding, Problem>();
  for (const p of placed) {
    const top = find(p);
    problems.set(top, [...(problems.get(top) ?? []), p]);
  }
  return [...problems.values()]; // in the order of each problem's first finding
}

export function summary(problems: readonly Problem[], facts: RunFacts): string {
  const severities = problems.map((problem) => problem.map((p) => p.finding.severity).reduce((a, b) => (SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] ? a : b)));
  const count = (severity: string) => severities.filter((s) => s === severity).length;
  const fixable = (safety: string) => problems.filter((problem) => fixabilityOf(problem) === safety).length;
  const versions = [...facts.dockerVersions].sort(([a], [b]) => compareVersions(a, b));
  const judged = versions.length === 0 ? '' : versions.length === 1 ? ` against dockerd ${versions[0][0]}` : ` against dockerd ${versions.map(([v, n]) => `${v} (${plural(n, 'file')})`).join(', ')}`;
  const head = `${plural(facts.files, 'file')} linted${judged}: ${facts.fixed.length > 0 ? `${fixedTotal(facts.fixed)}; ` : ''}`;
  if (problems.length === 0) return `${head}no problems`;
  const safe = fixable('safe');
  const unsafe = fixable('unsafe');
  const hints = [safe > 0 ? `${safe} fixable with --fix` : '', unsafe > 0 ? `${unsafe} ${safe > 0 ? 'more' : 'fixable'} with --fix-unsafe` : ''].filter(Boolean);
  return `${head}${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info${hints.length > 0 ? ` (${hints.join(', ')})` : ''}`;
}

/** `safe` when `--fix` resolves the problem (from any of its sides), `unsafe` when only `--fix-unsafe` does. */
export function fixabilityOf(problem: Problem): PlacedFinding['fixable'] {
  return problem.some((p) => p.fixable === 'safe') ? 'safe' : problem.some((p) => p.fixable === 'unsafe') ? 'unsafe' : undefined;
}
