/**
 * Text that remembers where each character came from. A unit's logical value joins continuation
 * lines and drops quotes and escapes, yet a finding must still point at the exact characters in the
 * file (for `--experimental` on a continuation line: that line, that flag).
 */
import type { Span } from '../../engine/types';

export interface LocatedText {
  file: string;
  text: string;
  /** File offset of each character, plus one entry for the end (`offsets.length === text.length + 1`). */
  offsets: number[];
}

/** A contiguous slice of a file, located as it is. */
export function locatedSlice(file: string, source: string, start: number, end: number): LocatedText {
  const offsets: number[] = [];
  for (let i = start; i <= end; i++) offsets.push(i);
  return { file, text: source.slice(start, end), offsets };
}

/** Characters [from, to) of a located text, keeping their origins. */
export function subText(located: LocatedText, from: number, to: number = located.text.length): LocatedText {
  return { file: located.file, text: located.text.slice(from, to), offsets: located.offsets.slice(from, to + 1) };
}

/** The file span covered by characters [from, to) of a located text. */
export function spanOf(located: LocatedText, from = 0, to: number = located.text.length): Span {
  const start = located.offsets[from] ?? located.offsets[located.offsets.length - 1] ?? 0;
  // The end is one past the last character's own offset, so a closing quote is not included.
  const end = to > from ? located.offsets[to - 1] + 1 : start;
  return { start, end: Math.max(start, end) };
}

/** Builds a located text character by character. */
export class LocatedBuilder {
  private text = '';
  private readonly offsets: number[] = [];

  constructor(private readonly file: string) {}

  push(char: string, offset: number): void {
    this.text += char;
    this.offsets.push(offset);
  }

  build(endOffset: number): LocatedText {
    return { file: this.file, text: this.text, offsets: [...this.offsets, endOffset] };
  }
}
