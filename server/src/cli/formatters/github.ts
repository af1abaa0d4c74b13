/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=DGnnn::message`), which the runner turns
 * into an annotation on the file in the pull request; info findings become `notice`.
 */
import type { Severity } from '../../engine/types';
import type { PlacedFinding } from './common';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(placed: readonly PlacedFinding[]): string {
  return placed
    .map((p) => {
      const properties = [`file=${property(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(`${p.finding.ruleId} ${p.finding.ruleName}`)}`];
      return `::${COMMANDS[p.finding.severity]} ${properties.join(',')}::${data(p.finding.message)}\n`;
    })
    .join('');
}

/** The escaping of the runner's toolkit (`escapeData`): a message may hold `%` and line breaks. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `escapeProperty`: also `:` and `,`, which separate the properties. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
