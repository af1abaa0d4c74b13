/**
 * Formatting-preserving edits to daemon.json, built with jsonc-parser's `modify` so the user's
 * indentation, line endings and key order survive a quick-fix.
 */
import { modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { TextEdit } from '../../engine/types';

export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  const indent = indented?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 1, eol, insertFinalNewline: false };
}

/** Set (add or replace) the value at `path`. */
export function setJsonValue(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, path, value, { formattingOptions: formattingOf(text) });
}

/** Remove the member or array element at `path`, with its comma. */
export function removeJsonValue(text: string, path: JSONPath): TextEdit[] {
  return modify(text, path, undefined, { formattingOptions: formattingOf(text) });
}

/** Replace the characters of one key (given its quoted span) with another key, nothing else. */
export function renameJsonKey(keySpan: { start: number; end: number }, newKey: string): TextEdit[] {
  return [{ offset: keySpan.start, length: keySpan.end - keySpan.start, content: JSON.stringify(newKey) }];
}
