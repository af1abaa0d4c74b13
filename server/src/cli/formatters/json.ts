/** The CLI's JSON output, version 1: a stable shape for scripts (README documents it). */
import type { PlacedFinding } from './common';

export function formatJson(placed: PlacedFinding[], fileCount: number): string {
  const findings = placed.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    rule: p.finding.ruleId,
    name: p.finding.ruleName,
    severity: p.finding.severity,
    message: p.finding.message,
    fixable: p.fixable !== undefined,
    ...(p.suppression ? { suppressed: { kind: p.suppression.kind === 'inSource' ? 'pragma' : 'config', reason: p.suppression.reason ?? null } } : {}),
  }));
  return JSON.stringify({ version: 1, files: fileCount, findings }, null, 2) + '\n';
}
