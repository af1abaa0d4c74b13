/**
 * Environment files: `/etc/default/docker` (`DOCKER_OPTS=`), `/etc/sysconfig/docker` (`OPTIONS=`)
 * and any `EnvironmentFile=`. Lines are `NAME=value` (an `export ` prefix is accepted, as the shell
 * reads these files too), with `#`/`;` comments and `"…"`/`'…'` quoting that may span lines.
 */
import type { Span } from '../../engine/types';
import { LocatedBuilder, type LocatedText } from './located';
import { physicalLines } from './unit';

export interface EnvAssignment {
  name: string;
  nameSpan: Span;
  /** The value after unquoting, located in the file. */
  value: LocatedText;
  /** The whole `NAME=value` assignment. */
  span: Span;
}

export interface EnvFile {
  assignments: EnvAssignment[];
  comments: Span[];
  problems: { span: Span; message: string }[];
}

const ASSIGNMENT = /^(export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/;

export function parseEnvFile(file: string, text: string): EnvFile {
  const env: EnvFile = { assignments: [], comments: [], problems: [] };
  const lines = physicalLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    let start = line.start;
    while (start < line.end && (text[start] === ' ' || text[start] === '\t')) start++;
    if (start === line.end) continue;
    if (text[start] === '#' || text[start] === ';') {
      env.comments.push({ start, end: line.end });
      continue;
    }
    const match = ASSIGNMENT.exec(text.slice(start, line.end));
    if (!match) {
      env.problems.push({ span: { start, end: line.end }, message: `not a NAME=value assignment: '${text.slice(start, line.end)}'` });
      continue;
    }
    const nameStart = start + (match[1]?.length ?? 0);
    const builder = new LocatedBuilder(file);
    let i = start + match[0].length;
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote === undefined && (c === '\n' || c === '\r')) break;
      if (quote === undefined && c === '#' && /\s/.test(text[i - 1] ?? '')) break;
      if (c === '\\' && quote !== "'" && i + 1 < text.length) {
        if (text[i + 1] === '\n') {
          i++;
          continue;
        }
        builder.push(text[i + 1], i + 1);
        i++;
        continue;
      }
      if (quote === undefined && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = undefined;
      else builder.push(c, i);
    }
    if (quote !== undefined) env.problems.push({ span: { start, end: i }, message: `unterminated ${quote} quote in the value of ${match[2]}` });
    let end = i;
    while (end > start && /\s/.test(text[end - 1])) end--;
    // Skip the physical lines a quoted value spanned.
    while (index + 1 < lines.length && lines[index + 1].start <= i) index++;
    const value = trimEnd(builder.build(i));
    env.assignments.push({ name: match[2], nameSpan: { start: nameStart, end: nameStart + match[2].length }, value, span: { start, end } });
  }
  return env;
}

function trimEnd(located: LocatedText): LocatedText {
  let to = located.text.length;
  while (to > 0 && /[ \t]/.test(located.text[to - 1])) to--;
  return { file: located.file, text: located.text.slice(0, to), offsets: located.offsets.slice(0, to + 1) };
}

/** The last assignment of a name (later ones win, as in the shell and in systemd). */
export function envValue(env: EnvFile, name: string): EnvAssignment | undefined {
  for (let i = env.assignments.length - 1; i >= 0; i--) if (env.assignments[i].name === name) return env.assignments[i];
  return undefined;
}
