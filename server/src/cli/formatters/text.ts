/** Compiler-style output: `file:line:col severity DGnnn message [name]`, then a summary line. */
import type { PlacedFinding } from './common';

const FIX_MARKER = { safe: ' (fixable with --fix)', unsafe: ' (fixable with --fix-unsafe)' };

export function formatText(placed: PlacedFinding[], fileCount: number, fixedFiles = 0): string {
  const lines = placed.map((p) => `${p.file}:${p.line}:${p.column} ${p.finding.severity} ${p.finding.ruleId} ${p.finding.message} [${p.finding.ruleName}]${p.fixable ? FIX_MARKER[p.fixable] : ''}`);
  lines.push(summary(placed, fileCount, fixedFiles));
  return lines.join('\n') + '\n';
}

function summary(placed: PlacedFinding[], fileCount: number, fixedFiles: number): string {
  const count = (severity: string) => placed.filter((p) => p.finding.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fixed = fixedFiles > 0 ? `fixed ${plural(fixedFiles, 'file')}; ` : '';
  if (placed.length === 0) return `${plural(fileCount, 'file')} linted: ${fixed}no problems`;
  const safe = placed.filter((p) => p.fixable === 'safe').length;
  const unsafe = placed.filter((p) => p.fixable === 'unsafe').length;
  const fixHints = [safe > 0 ? `${safe} fixable with --fix` : '', unsafe > 0 ? `${unsafe} ${safe > 0 ? 'more' : 'fixable'} with --fix-unsafe` : ''].filter(Boolean);
  return `${plural(fileCount, 'file')} linted: ${fixed}${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info` + (fixHints.length ? ` (${fixHints.join(', ')})` : '');
}
