/**
 * Formatting-preserving edits to daemon.json, built with jsonc-parser's `modify` so the user's
 * indentation, line endings and key order survive a quick-fix.
 */
import { modify, type FormattingOptions, type JSONPath, type ModificationOptions } from 'jsonc-parser';
import type { Span, TextEdit } from '../../engine/types';

export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  const indent = indented?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 1, eol, insertFinalNewline: false };
}

/**
 * jsonc-parser re-formats the whole line an edit lands on, in time quadratic in the line's length
 * (a minified 4 MB daemon.json took minutes). Past this length the edit is made unformatted, which
 * also keeps a minified file minified.
 */
const MAX_FORMATTED_LINE = 1000;

function modificationOptions(text: string): ModificationOptions {
  return longestLine(text) > MAX_FORMATTED_LINE ? {} : { formattingOptions: formattingOf(text) };
}

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (const match of text.matchAll(/\r\n?|\n/g)) {
    longest = Math.max(longest, match.index - start);
    start = match.index + match[0].length;
  }
  return Math.max(longest, text.length - start);
}

/** Set (add or replace) the value at `path`. */
export function setJsonValue(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, path, value, modificationOptions(text));
}

/**
 * Remove the member or array element at `path`, with its comma. An array element (give its span)
 * is cut out with its comma alone: jsonc-parser's `modify` reflows the whole list and, removing the
 * last of several elements, corrupts it (`["a", "b"]` → `["a""]`).
 */
export function removeJsonValue(text: string, path: JSONPath, elementSpan?: Span): TextEdit[] {
  const isElement = typeof path[path.length - 1] === 'number';
  return (isElement && elementSpan ? listElementRemoval(text, elementSpan) : undefined) ?? modify(text, path, undefined, modificationOptions(text));
}

/**
 * The element with the comma on one side and the blanks up to the next item, so no blank line is
 * left behind; undefined when anything but whitespace sits beside it (a comment): `modify` decides.
 */
function listElementRemoval(text: string, element: Span): TextEdit[] | undefined {
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let before = element.start;
  while (isSpace(text[before - 1])) before--;
  if (text[before - 1] === ',') return [{ offset: before - 1, length: element.end - (before - 1), content: '' }];
  if (text[before - 1] !== '[') return undefined;
  let after = element.end;
  while (isSpace(text[after])) after++;
  if (text[after] === ']') return [{ offset: before, length: after - before, content: '' }];
  if (text[after] !== ',') return undefined;
  after++;
  while (isSpace(text[after])) after++;
  return [{ offset: element.start, length: after - element.start, content: '' }];
}

/** Replace the characters of one key (given its quoted span) with another key, nothing else. */
export function renameJsonKey(keySpan: { start: number; end: number }, newKey: string): TextEdit[] {
  return [{ offset: keySpan.start, length: keySpan.end - keySpan.start, content: JSON.stringify(newKey) }];
}
