/**
 * The dockerd command line, read with pflag's rules (reference §4.1): `--flag=value` and
 * `--flag value`; a boolean takes a value only after `=` (`--icc false` leaves `false` as a stray
 * argument, which dockerd rejects); shorthands combine (`-D`, `-Hvalue`, `-H=value`, `-Dl debug`);
 * `--` ends the flags. Each flag keeps the spans of its name and value, across continuation lines.
 */
import type { Span } from '../../engine/types';
import { spanOf, subText, type LocatedText } from './located';
import type { Word } from './words';


/** How a flag takes its value, as pflag parses it (the option table says which each flag is). */
export type FlagValueKind = 'bool' | 'string' | 'int' | 'list' | 'map' | 'csv-map';

export interface FlagSpec {
  /** Long name without dashes: `icc`, `host`. */
  name: string;
  shorthand?: string;
  /** The daemon.json key it sets (`host` → `hosts`); undefined for command-only flags (`config-file`). */
  key?: string;
  /** The key the option and lifecycle tables know it by, also for command-only and removed flags (`restart`, `graph`). */
  optionKey: string;
  /** For a flag that sets one member of a key (`--http-proxy` → `proxies.http-proxy`): the member. */
  member?: string;
  kind: FlagValueKind;
}

export interface FlagTable {
  long(name: string): FlagSpec | undefined;
  short(letter: string): FlagSpec | undefined;
  /** Every long name, for "did you mean". */
  names(): readonly string[];
}

export interface ParsedFlag {
  spec: FlagSpec;
  /** As written: `--icc`, `-H`. */
  written: string;
  nameSpan: Span;
  /** The raw value (`false`, `fd://`); undefined for a bare boolean. */
  value?: LocatedText;
  valueSpan?: Span;
  /** The flag and its value (for a separate value: both words, and what lies between). */
  span: Span;
  file: string;
  /** Index of the word holding the name; a combined shorthand word holds several flags. */
  wordIndex: number;
  /** How the value was attached: `=` (`--icc=false`, `-H=x`), glued (`-Hx`), next word, or none. */
  attach: 'equals' | 'glued' | 'separate' | 'none';
}

export type FlagProblemCode = 'unknown-flag' | 'unknown-shorthand' | 'missing-value' | 'stray-argument' | 'bool-with-separate-value' | 'invalid-bool' | 'invalid-int';

export interface FlagProblem {
  code: FlagProblemCode;
  file: string;
  span: Span;
  /** The flag or word concerned, as written. */
  token: string;
  /** For a stray argument right after a boolean flag: that flag. */
  after?: ParsedFlag;
}

export interface DockerdArguments {
  flags: ParsedFlag[];
  problems: FlagProblem[];
  /** The argument words, as given to the parser. */
  words: Word[];
}

const TRUE_VALUES = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_VALUES = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** pflag's strconv.ParseBool. */
export function parseBool(text: string): boolean | undefined {
  if (TRUE_VALUES.has(text)) return true;
  if (FALSE_VALUES.has(text)) return false;
  return undefined;
}

/** Go's strconv.ParseInt(s, 0, 64): decimal, 0x, 0o, 0b, a leading 0 for octal. */
export function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const body = match[2];
  const magnitude = /^0[0-7]+$/.test(body) ? parseInt(body.slice(1), 8) : Number(body.replace(/^0[oO]/, '0o'));
  return match[1] === '-' ? -magnitude : magnitude;
}

export function parseDockerdArguments(words: readonly Word[], table: FlagTable): DockerdArguments {
  const result: DockerdArguments = { flags: [], problems: [], words: [...words] };
  let previousBool: ParsedFlag | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.text.text;
    const file = word.text.file;
    if (text === '--') {
      for (const rest of words.slice(i + 1)) result.problems.push({ code: 'stray-argument', file: rest.text.file, span: rest.span, token: rest.text.text });
      break;
    }
    const lastBool = previousBool;
    previousBool = undefined;
    if (!text.startsWith('-') || text === '-') {
      const boolValue = lastBool && parseBool(text) !== undefined;
      result.problems.push({ code: boolValue ? 'bool-with-separate-value' : 'stray-argument', file, span: word.span, token: text, after: boolValue ? lastBool : undefined });
      continue;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = text.slice(2, equals >= 0 ? equals : undefined);
      const spec = table.long(name);
      const nameSpan = spanOf(word.text, 0, equals >= 0 ? equals : text.length);
      if (!spec) {
        result.problems.push({ code: 'unknown-flag', file, span: nameSpan, token: `--${name}` });
        continue;
      }
      const flag: ParsedFlag = { spec, written: `--${name}`, nameSpan, span: word.span, file, wordIndex: i, attach: 'none' };
      if (equals >= 0) attachValue(flag, subText(word.text, equals + 1), 'equals', word.span);
      else if (spec.kind !== 'bool') {
        const next = words[i + 1];
        if (!next) {
          result.problems.push({ code: 'missing-value', file, span: nameSpan, token: flag.written });
          continue;
        }
        i++;
        attachValue(flag, next.text, 'separate', { start: word.span.start, end: next.span.end }, next.span);
      }
      result.flags.push(flag);
      checkValue(flag, result.problems);
      if (spec.kind === 'bool' && equals < 0) previousBool = flag;
      continue;
    }
    // Shorthands: bools combine; the first non-bool takes the rest of the word or the next word.
    for (let at = 1; at < text.length; at++) {
      const letter = text[at];
      const spec = table.short(letter);
      const nameSpan = spanOf(word.text, at === 1 ? 0 : at, at + 1);
      if (!spec) {
        result.problems.push({ code: 'unknown-shorthand', file, span: nameSpan, token: at === 1 && text.length === 2 ? text : `'${letter}' in ${text}` });
        break;
      }
      const flag: ParsedFlag = { spec, written: `-${letter}`, nameSpan, span: nameSpan, file, wordIndex: i, attach: 'none' };
      const rest = at + 1;
      if (text[rest] === '=') {
        attachValue(flag, subText(word.text, rest + 1), 'equals', { start: nameSpan.start, end: word.span.end });
      } else if (spec.kind !== 'bool' && rest < text.length) {
        attachValue(flag, subText(word.text, rest), 'glued', { start: nameSpan.start, end: word.span.end });
      } else if (spec.kind !== 'bool') {
        const next = words[i + 1];
        if (!next) {
          result.problems.push({ code: 'missing-value', file, span: nameSpan, token: flag.written });
          break;
        }
        i++;
        attachValue(flag, next.text, 'separate', { start: nameSpan.start, end: next.span.end }, next.span);
      }
      result.flags.push(flag);
      checkValue(flag, result.problems);
      if (flag.attach !== 'none') break;
      if (rest >= text.length) previousBool = flag;
    }
  }
  return result;
}

function attachValue(flag: ParsedFlag, value: LocatedText, attach: ParsedFlag['attach'], span: Span, valueSpan?: Span): void {
  flag.value = value;
  flag.valueSpan = valueSpan ?? spanOf(value);
  flag.attach = attach;
  flag.span = span;
}

function checkValue(flag: ParsedFlag, problems: FlagProblem[]): void {
  if (flag.value === undefined || !flag.valueSpan) return;
  if (flag.spec.kind === 'bool' && parseBool(flag.value.text) === undefined) {
    problems.push({ code: 'invalid-bool', file: flag.file, span: flag.valueSpan, token: flag.value.text });
  }
  if (flag.spec.kind === 'int' && parseGoInt(flag.value.text) === undefined) {
    problems.push({ code: 'invalid-int', file: flag.file, span: flag.valueSpan, token: flag.value.text });
  }
}

/**
 * The argument words as the flags were written, rebuilt from the parsed flags alone (with the words
 * the parser did not consume): used to check that parsing loses nothing.
 */
export function printArguments(parsed: DockerdArguments): string[] {
  const out: string[] = [];
  const byWord = new Map<number, ParsedFlag[]>();
  for (const flag of parsed.flags) byWord.set(flag.wordIndex, [...(byWord.get(flag.wordIndex) ?? []), flag]);
  const consumed = new Set<number>();
  for (const [index, flags] of byWord) {
    consumed.add(index);
    if (flags.some((f) => f.attach === 'separate')) consumed.add(index + 1);
  }
  for (let i = 0; i < parsed.words.length; i++) {
    const flags = byWord.get(i);
    if (!flags) {
      if (!consumed.has(i)) out.push(parsed.words[i].text.text);
      continue;
    }
    const last = flags[flags.length - 1];
    const long = last.written.startsWith('--');
    let word = long ? last.written : '-' + flags.map((f) => f.written.slice(1)).join('');
    if (last.attach === 'equals') word += '=' + last.value!.text;
    if (last.attach === 'glued') word += last.value!.text;
    const unparsedTail = !long ? restAfterShorthands(parsed.words[i].text.text, flags) : '';
    out.push(word + unparsedTail);
    if (last.attach === 'separate') out.push(last.value!.text);
  }
  return out;
}

/** A combined shorthand word whose parse stopped at an unknown letter keeps its tail as written. */
function restAfterShorthands(text: string, flags: ParsedFlag[]): string {
  const last = flags[flags.length - 1];
  if (last.attach !== 'none') return '';
  return text.slice(1 + flags.length);
}
