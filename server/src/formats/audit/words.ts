/**
 * A rules file → lines of words, split as auditctl's fileopt does: one rule per line, words
 * separated by spaces only (a tab is part of a word), `\ ` a space inside a word and `\\` a
 * backslash; a line whose first word starts with `#` is a comment, a line of spaces is blank.
 */
import type { Span } from '../../engine/types';

/** One word: where it is written (it is its own span) and its text, escapes resolved. */
export interface AuditWord extends Span {
  text: string;
  /** Offset in the file of each character of `text` and of its end; absent when the word has no escape (offset = start + index). */
  offsets?: number[];
}

export interface AuditLineWords {
  /** From the line's first character to its end, the line break excluded. */
  span: Span;
  words: AuditWord[];
}

export interface SplitFile {
  lines: AuditLineWords[];
  /** Comment lines, from `#` to the end of the line. */
  comments: Span[];
}

const SPACE = 32;
const BACKSLASH = 92;

export function splitRules(text: string): SplitFile {
  const lines: AuditLineWords[] = [];
  const comments: Span[] = [];
  forEachLine(text, (start, end) => {
    const line = readLine(text, start, end);
    if (line === 'comment') comments.push(commentSpan(text, start, end));
    else if (line) lines.push(line);
  });
  return { lines, comments };
}

/** Calls `each` with the start and end of every line, without its line break (a CR before it included: augenrules strips it). */
export function forEachLine(text: string, each: (start: number, end: number) => void): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    each(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
  }
}

/** One line's words; `comment` for a comment line, undefined for a blank one. */
export function readLine(text: string, start: number, end: number): AuditLineWords | 'comment' | undefined {
  let first = start;
  while (first < end && text.charCodeAt(first) === SPACE) first++;
  if (first === end) return undefined;
  if (text.charCodeAt(first) === 35) return 'comment';
  return { span: { start, end }, words: splitLine(text, first, end) };
}

/** A comment line's span, from its `#`. */
export function commentSpan(text: string, start: number, end: number): Span {
  let at = start;
  while (text.charCodeAt(at) === SPACE) at++;
  return { start: at, end };
}

/** True at a `\ ` or `\\` pair that ends before `end`. */
function escapeAt(text: string, i: number, end: number): boolean {
  if (text.charCodeAt(i) !== BACKSLASH || i + 1 >= end) return false;
  const next = text.charCodeAt(i + 1);
  return next === SPACE || next === BACKSLASH;
}

function splitLine(text: string, start: number, end: number): AuditWord[] {
  const words: AuditWord[] = [];
  let i = start;
  while (i < end) {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i >= end) break;
    const wordStart = i;
    let escaped = false;
    while (i < end && text.charCodeAt(i) !== SPACE) {
      if (escapeAt(text, i, end)) {
        escaped = true;
        i += 2;
      } else {
        i++;
      }
    }
    words.push(escaped ? unescape(text, wordStart, i) : { text: text.slice(wordStart, i), start: wordStart, end: i });
  }
  return words;
}

function unescape(text: string, start: number, end: number): AuditWord {
  let value = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    offsets.push(i);
    if (escapeAt(text, i, end)) i++;
    value += text[i];
  }
  offsets.push(end);
  return { text: value, start, end, offsets };
}

/** Only the offsets of a word (a span to hand out without the word's text). */
export function spanOf(word: Span): Span {
  return { start: word.start, end: word.end };
}

/** The part [from, to) of a word as a word of its own. */
export function subWord(word: AuditWord, from: number, to: number = word.text.length): AuditWord {
  const text = word.text.slice(from, to);
  if (!word.offsets) return { text, start: word.start + from, end: word.start + to };
  return { text, start: word.offsets[from], end: word.offsets[to], offsets: word.offsets.slice(from, to + 1) };
}
