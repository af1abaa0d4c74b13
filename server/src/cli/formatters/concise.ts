/** One compiler-style line per finding, `file:line:col severity DGnnn message [name]`, for tools and problem matchers. */
import type { PlacedFinding } from './common';
import { fixedLines, groupProblems, summary, type RunFacts } from './summary';

export const FIX_MARKER = { safe: '(fixable with --fix)', unsafe: '(fixable with --fix-unsafe)' };

export function formatConcise(placed: PlacedFinding[], facts: RunFacts): string {
  const lines = placed.map((p) => `${p.file}:${p.line}:${p.column} ${p.finding.severity} ${p.finding.ruleId} ${p.finding.message} [${p.finding.ruleName}]${p.fixable ? ` ${FIX_MARKER[p.fixable]}` : ''}`);
  lines.push(...fixedLines(facts.fixed), summary(groupProblems(placed), facts));
  return lines.join('\n') + '\n';
}
