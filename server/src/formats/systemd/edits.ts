/** Text edits on a dockerd command line: take a flag out, or replace a token, keeping the rest as written. */
import type { Span, TextEdit } from '../../engine/types';

/** Remove a span and the blanks before it (not a continuation `\` or a line break). */
export function removeWithLeadingBlanks(text: string, span: Span): TextEdit {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { offset: start, length: span.end - start, content: '' };
}

export function replaceSpan(span: Span, content: string): TextEdit {
  return { offset: span.start, length: span.end - span.start, content };
}
