/**
 * The default output, for people at a terminal (after ESLint's stylish and ruff's grouped output):
 * findings grouped under their file, each as a line of position, severity, rule and fix, then its
 * message; a conflict between files is shown once, with where else it is; then the summary.
 */
import type { Severity } from '../../engine/types';
import type { PlacedFinding } from './common';
import { FIX_MARKER } from './concise';
import { fixabilityOf, fixedLines, groupProblems, summary, type Problem, type RunFacts } from './summary';

export interface TextStyle {
  /** ANSI colours (the caller decides: a terminal, NO_COLOR, FORCE_COLOR). */
  colour: boolean;
  /** The terminal's width: messages wrap under their indent instead of at the terminal's left edge. */
  columns?: number;
}

const SEVERITY_WIDTH = 'warning'.length;
const MIN_WRAP_WIDTH = 30;
const SEVERITY_COLOUR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

export function formatText(placed: PlacedFinding[], facts: RunFacts, style: TextStyle): string {
  const paint = (code: number, text: string) => (style.colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const problems = groupProblems(placed);
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem[0].file, [...(byFile.get(problem[0].file) ?? []), problem]);

  const blocks = [...byFile].map(([file, fileProblems]) => {
    const positionWidth = Math.max(...fileProblems.map((problem) => position(problem[0]).length));
    const indent = ' '.repeat(2 + positionWidth + 2 + SEVERITY_WIDTH + 2);
    const lines = [paint(4, file)];
    for (const problem of fileProblems) {
      const { finding } = problem[0];
      const fixable = fixabilityOf(problem);
      lines.push(
        `  ${paint(2, position(problem[0]).padEnd(positionWidth))}  ${paint(SEVERITY_COLOUR[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH))}  ` +
          `${finding.ruleId} ${paint(2, finding.ruleName)}${fixable ? ` ${paint(2, FIX_MARKER[fixable])}` : ''}`,
        ...wrap(finding.message, (style.columns ?? Infinity) - indent.length).map((line) => indent + line),
        ...problem.slice(1).map((other) => `${indent}${paint(2, `also at ${other.file}:${position(other)}`)}`),
      );
    }
    return lines.join('\n');
  });
  const last = summary(problems, facts);
  const errors = problems.some((problem) => problem.some((p) => p.finding.severity === 'error'));
  const fixed = fixedLines(facts.fixed);
  return [...blocks, ...(fixed.length > 0 ? [fixed.join('\n')] : []), paint(1, errors ? paint(31, last) : last)].join('\n\n') + '\n';
}

/** Lines of at most `width` characters, broken at spaces (a longer word keeps its own line); one line when too narrow to help. */
function wrap(text: string, width: number): string[] {
  if (width < MIN_WRAP_WIDTH) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

function position(p: PlacedFinding): string {
  return `${p.line}:${p.column}`;
}
