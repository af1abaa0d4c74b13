/** Line edits on a rules file: add lines, insert after a word, take a line out, move a line to the end. */
import type { Span, TextEdit } from '../../engine/types';
import type { AuditFile } from './parse';
import type { AuditRule } from './rule';

/** The start of the line holding `offset` and the offset after its line break (or the text's end). */
function lineBounds(text: string, offset: number): { start: number; next: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, next: newline < 0 ? text.length : newline + 1 };
}

/** The line break the file uses (CRLF when its first line ends so). */
function lineBreak(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Insert whole lines before the line of `before` (a rule of the file), or at the end of the file. */
export function insertLines(file: AuditFile, lines: readonly string[], before?: AuditRule): TextEdit {
  const { text } = file;
  const eol = lineBreak(text);
  const content = lines.map((l) => l + eol).join('');
  if (before) return { offset: lineBounds(text, before.span.start).start, length: 0, content };
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { offset: text.length, length: 0, content: (needsBreak ? eol : '') + content };
}

/** Remove the whole line holding a span, its line break included. */
export function removeLine(text: string, span: Span): TextEdit {
  const { start, next } = lineBounds(text, span.start);
  return { offset: start, length: next - start, content: '' };
}

/** Move the line holding a span to the end of the file. */
export function moveLineToEnd(text: string, span: Span): TextEdit[] {
  const { start, next } = lineBounds(text, span.start);
  const line = text.slice(start, next).replace(/\r?\n$/, '');
  const eol = lineBreak(text);
  const needsBreak = !text.endsWith('\n');
  return [
    { offset: start, length: next - start, content: '' },
    { offset: text.length, length: 0, content: (needsBreak ? eol : '') + line + eol },
  ];
}

export function insertAfter(span: Span, content: string): TextEdit {
  return { offset: span.end, length: 0, content };
}
