/**
 * systemd unit files (units, drop-ins) → sections and directives with exact offsets, read the way
 * systemd's conf-parser reads them: `#`/`;` comment lines, `[Section]` headers, `Key=Value` lines,
 * a trailing `\` joining the next line (comment lines inside a continuation are skipped). The parser
 * never throws: what systemd would ignore with a warning becomes a `UnitProblem`.
 */
import type { Span } from '../../engine/types';
import { LocatedBuilder, type LocatedText } from './located';

export interface UnitSection {
  name: string;
  /** The `[Name]` header. */
  span: Span;
  nameSpan: Span;
}

export interface UnitDirective {
  section: string;
  name: string;
  nameSpan: Span;
  /** The value with continuations joined (each `\` + newline becomes a space), leading blanks trimmed. */
  value: LocatedText;
  /** From the directive's name to the end of its last continuation line. */
  span: Span;
  /** True when the value is empty (`ExecStart=`), which resets a list directive. */
  empty: boolean;
}

export type UnitProblemCode = 'outside-section' | 'missing-equals' | 'unterminated-continuation' | 'bad-section-header';

export interface UnitProblem {
  code: UnitProblemCode;
  span: Span;
  message: string;
}

export interface UnitFile {
  sections: UnitSection[];
  directives: UnitDirective[];
  problems: UnitProblem[];
  /** Whole-line comments with their text (pragmas live here). */
  comments: Span[];
}

interface PhysicalLine {
  start: number;
  /** End of the line's content, before the line break. */
  end: number;
}

export function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

export function parseUnit(file: string, text: string): UnitFile {
  const unit: UnitFile = { sections: [], directives: [], problems: [], comments: [] };
  const lines = physicalLines(text);
  let section: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    let start = line.start;
    while (start < line.end && isBlank(text[start])) start++;
    const first = text[start];
    if (start === line.end) continue;
    if (first === '#' || first === ';') {
      unit.comments.push({ start, end: line.end });
      continue;
    }
    let end = line.end;
    while (end > start && isBlank(text[end - 1])) end--;
    if (first === '[') {
      const close = text.lastIndexOf(']', end - 1);
      if (text[end - 1] !== ']' || close <= start) {
        unit.problems.push({ code: 'bad-section-header', span: { start, end }, message: `invalid section header '${text.slice(start, end)}'` });
        section = undefined;
        continue;
      }
      section = text.slice(start + 1, end - 1);
      unit.sections.push({ name: section, span: { start, end }, nameSpan: { start: start + 1, end: end - 1 } });
      continue;
    }
    const equals = text.indexOf('=', start);
    const builder = new LocatedBuilder(file);
    let valueEnd = end;
    let lastEnd = end;
    let continued = false;
    // Join continuation lines into one logical value; systemd turns each `\` into a space.
    let pieceStart = equals >= 0 && equals < end ? equals + 1 : start;
    let pieceEnd = end;
    for (;;) {
      const continues = text[pieceEnd - 1] === '\\';
      for (let i = pieceStart; i < (continues ? pieceEnd - 1 : pieceEnd); i++) builder.push(text[i], i);
      valueEnd = pieceEnd;
      if (!continues) break;
      continued = true;
      builder.push(' ', pieceEnd - 1);
      let next = index + 1;
      while (next < lines.length && /^[ \t]*[#;]/.test(text.slice(lines[next].start, lines[next].end))) {
        unit.comments.push({ start: lines[next].start + (text.slice(lines[next].start).search(/[#;]/)), end: lines[next].end });
        next++;
      }
      if (next >= lines.length) {
        unit.problems.push({ code: 'unterminated-continuation', span: { start: pieceEnd - 1, end: pieceEnd }, message: 'the last line ends with a line continuation "\\" but no line follows' });
        break;
      }
      index = next;
      pieceStart = lines[next].start;
      pieceEnd = lines[next].end;
      while (pieceEnd > pieceStart && isBlank(text[pieceEnd - 1])) pieceEnd--;
      lastEnd = pieceEnd;
    }
    if (!continued) lastEnd = end;
    if (equals < 0 || equals >= end) {
      unit.problems.push({ code: 'missing-equals', span: { start, end: lastEnd }, message: `missing '=': systemd ignores the line '${text.slice(start, end)}'` });
      continue;
    }
    if (section === undefined) {
      unit.problems.push({ code: 'outside-section', span: { start, end: lastEnd }, message: 'assignment outside of any section: systemd ignores it' });
      continue;
    }
    let nameEnd = equals;
    while (nameEnd > start && isBlank(text[nameEnd - 1])) nameEnd--;
    const joined = builder.build(valueEnd);
    const value = trimLocated(joined);
    unit.directives.push({ section, name: text.slice(start, nameEnd), nameSpan: { start, end: nameEnd }, value, span: { start, end: lastEnd }, empty: value.text === '' });
  }
  return unit;
}

/** Leading and trailing blanks removed, as systemd strips a value. */
function trimLocated(located: LocatedText): LocatedText {
  let from = 0;
  let to = located.text.length;
  while (from < to && /\s/.test(located.text[from])) from++;
  while (to > from && /\s/.test(located.text[to - 1])) to--;
  return { file: located.file, text: located.text.slice(from, to), offsets: located.offsets.slice(from, to + 1) };
}


/**
 * The directives systemd reads as command lines, the only ones where it expands `$VAR` and `${VAR}`
 * (systemd.service(5) "Command lines", systemd.socket(5) ExecStartPre= …). Everywhere else a `$` is
 * taken as written (systemd.exec(5), Environment=: 'The "$" character has no special meaning').
 */
const COMMAND_LINES: Readonly<Record<string, ReadonlySet<string>>> = {
  Service: new Set(['ExecCondition', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost']),
  Socket: new Set(['ExecStartPre', 'ExecStartPost', 'ExecStopPre', 'ExecStopPost']),
};

export function expandsVariables(directive: UnitDirective): boolean {
  return COMMAND_LINES[directive.section]?.has(directive.name) ?? false;
}

/** `${NAME}`, or `$NAME` at the start of a word or after `=`/`:`, where it reads as a variable. */
const VARIABLE_REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|(?<=^|[\s=:"'])\$[A-Za-z_][A-Za-z0-9_]*/g;

/** The variable references written in a directive's value, with their spans in the file. */
export function variableReferences(directive: UnitDirective): { text: string; span: Span }[] {
  const { value } = directive;
  return [...value.text.matchAll(VARIABLE_REFERENCE)].map((match) => {
    const at = match.index ?? 0;
    return { text: match[0], span: { start: value.offsets[at], end: value.offsets[at + match[0].length - 1] + 1 } };
  });
}
