/**
 * What identifies a finding across runs, for SARIF's partialFingerprints, GitLab's fingerprint and
 * the baseline: what the finding is about, not where — the rule, the file (relative to the
 * repository root, so a run from a subfolder agrees), the offending
 * text (a key, a flag, a directive), the message, and how many times the same rule saw the same text
 * in the file before. Lines moving do not change it; two alike findings in one file do not collide.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../../engine/project';
import { displayPath, type PlacedFinding } from './common';

/** The folder holding `.git` at or above `cwd` (GitHub resolves paths from the checkout's root), else `cwd`. */
export function repositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** The fingerprint of each finding, in order. */
export function fingerprints(placed: readonly PlacedFinding[], sources: readonly SourceFile[], cwd: string): string[] {
  const root = repositoryRoot(cwd);
  const textOf = new Map(sources.map((source) => [source.path, source.text]));
  const occurrences = new Map<string, number>();
  return placed.map(({ finding }) => {
    const about = [finding.ruleId, displayPath(finding.file, root), textOf.get(finding.file)?.slice(finding.span.start, finding.span.end) ?? '', finding.message].join('\u0000');
    const occurrence = occurrences.get(about) ?? 0;
    occurrences.set(about, occurrence + 1);
    return createHash('sha256').update(`${about}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
