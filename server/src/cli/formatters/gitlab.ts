/**
 * `--format gitlab`: GitLab's Code Quality report (the Code Climate issue subset GitLab reads, as
 * hadolint's `gitlab_codeclimate`): a JSON array of { description, check_name, fingerprint,
 * severity, location: { path, lines: { begin } } }. The fingerprint is SARIF's, so an issue keeps its
 * identity when lines move.
 */
import type { SourceFile } from '../../engine/project';
import type { Severity } from '../../engine/types';
import type { PlacedFinding } from './common';
import { fingerprints } from './fingerprint';

/** GitLab's severities are info, minor, major, critical and blocker; hadolint maps error to blocker. */
const SEVERITIES: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'info' };

export function formatGitlab(placed: readonly PlacedFinding[], sources: readonly SourceFile[], cwd: string): string {
  const prints = fingerprints(placed, sources, cwd);
  const issues = placed.map((p, index) => ({
    description: `${p.finding.ruleId} ${p.finding.message}`,
    check_name: p.finding.ruleId,
    fingerprint: prints[index],
    severity: SEVERITIES[p.finding.severity],
    location: { path: p.file, lines: { begin: p.line, end: p.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
