/** Compiler-style output: `file:line:col severity DGnnn message`, then a summary line. */
import type { PlacedFinding } from './common';

export function formatText(placed: PlacedFinding[], fileCount: number): string {
  const lines = placed.map((p) => `${p.file}:${p.line}:${p.column} ${p.finding.severity} ${p.finding.ruleId} ${p.finding.message}`);
  const count = (s: string) => placed.filter((p) => p.finding.severity === s).length;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  lines.push(placed.length === 0 ? `${files} linted: no problems` : `${files} linted: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`);
  return lines.join('\n') + '\n';
}
