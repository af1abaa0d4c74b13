/** Text edits on a dockerd command line: take a flag out, or replace a token, keeping the rest as written. */
import type { Span, TextEdit } from '../../engine/types';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Remove a flag (a span of a command line) so that what stays reads as written: with the blanks
 * before it; when it opens a continuation line, with the blanks after it (keeping the line's
 * indentation); when it is alone on a continuation line, with the whole line; when it is alone on
 * the command's last line, with that line and the `\` that led to it.
 */
export function removeWithLeadingBlanks(text: string, span: Span): TextEdit {
  let start = span.start;
  while (start > 0 && isBlank(text[start - 1])) start--;
  let end = span.end;
  while (isBlank(text[end])) end++;
  const opensLine = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const lineBreak = /^(\r\n|\n|\r)/.exec(text.slice(end + 1, end + 3))?.[0];
  if (opensLine && text[end] === '\\' && (lineBreak !== undefined || end + 1 === text.length)) {
    return { offset: start, length: end + 1 + (lineBreak?.length ?? 0) - start, content: '' };
  }
  const endsLine = end === text.length || text[end] === '\n' || text[end] === '\r';
  if (opensLine && endsLine) {
    // The `\` at the end of the line before, with the blanks before it.
    const before = text.slice(Math.max(0, start - 200), start);
    const previous = /[ \t]*\\(\r\n|\n|\r)$/.exec(before);
    if (previous) {
      const offset = start - before.length + previous.index;
      return { offset, length: end - offset, content: '' };
    }
  }
  if (opensLine) return { offset: span.start, length: end - span.start, content: '' };
  return { offset: start, length: span.end - start, content: '' };
}

export function replaceSpan(span: Span, content: string): TextEdit {
  return { offset: span.start, length: span.end - span.start, content };
}
