/**
 * What identifies a finding across runs, for SARIF's partialFingerprints and GitLab's fingerprint:
 * what the finding is about, not where — the rule, the file (as the report names it), the offending
 * text (a key, a flag, a directive), the message, and how many times the same rule saw the same text
 * in the file before. Lines moving do not change it; two alike findings in one file do not collide.
 */
import { createHash } from 'node:crypto';
import type { SourceFile } from '../../engine/project';
import type { PlacedFinding } from './common';

/** The fingerprint of each finding, in order; `fileName` is the path as the report writes it. */
export function fingerprints(placed: readonly PlacedFinding[], sources: readonly SourceFile[], fileName: (path: string) => string): string[] {
  const textOf = new Map(sources.map((source) => [source.path, source.text]));
  const occurrences = new Map<string, number>();
  return placed.map(({ finding }) => {
    const about = [finding.ruleId, fileName(finding.file), textOf.get(finding.file)?.slice(finding.span.start, finding.span.end) ?? '', finding.message].join('\u0000');
    const occurrence = occurrences.get(about) ?? 0;
    occurrences.set(about, occurrence + 1);
    return createHash('sha256').update(`${about}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
