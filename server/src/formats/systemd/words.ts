/**
 * systemd's command-line words (systemd.service(5) "Command lines", systemd.syntax(7)): split on
 * whitespace, `"…"`/`'…'` group, C-style escapes; then `$VAR` as a word of its own splits the value
 * into words, `${VAR}` is replaced in place, `$$` is a literal `$`. Every word keeps the file offsets
 * of its characters, so a flag taken from `$DOCKER_OPTS` points into /etc/default/docker.
 */
import type { Span } from '../../engine/types';
import { LocatedBuilder, spanOf, type LocatedText } from './located';

export interface Word {
  /** The word after unquoting, unescaping and expansion, with the origin of each character. */
  text: LocatedText;
  /** The word as written (quotes included) in its file. */
  span: Span;
}

export interface WordProblem {
  span: Span;
  message: string;
}

const ESCAPES: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', s: ' ', '\\': '\\', '"': '"', "'": "'" };

/** Split a value into words the way systemd does for ExecStart= and Environment=. */
export function splitWords(value: LocatedText, problems: WordProblem[] = []): Word[] {
  const words: Word[] = [];
  const { text, offsets } = value;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const begin = i;
    const builder = new LocatedBuilder(value.file);
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote === undefined && /\s/.test(c)) break;
      if (c === '\\' && i + 1 < text.length) {
        const next = text[i + 1];
        const hex = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 2)) : null;
        if (hex) {
          builder.push(String.fromCharCode(parseInt(hex[0], 16)), offsets[i]);
          i += 3;
        } else {
          builder.push(ESCAPES[next] ?? next, offsets[i]);
          i += 1;
        }
        continue;
      }
      if (quote === undefined && (c === '"' || c === "'")) {
        quote = c;
        continue;
      }
      if (c === quote) {
        quote = undefined;
        continue;
      }
      builder.push(c, offsets[i]);
    }
    if (quote !== undefined) problems.push({ span: spanOf(value, begin, i), message: `unbalanced quote ${quote} in '${text.slice(begin, i)}'` });
    words.push({ text: builder.build(offsets[i] ?? offsets[offsets.length - 1]), span: spanOf(value, begin, i) });
  }
  return words;
}

/** What a variable reference resolves to. */
export type VariableValue = { value: LocatedText } | { unknown: true; reason: 'hidden' | 'unset' };

export interface Expansion {
  words: Word[];
  /** `$VAR`s whose value dockguard cannot see (DG206), with the span of the reference. */
  hidden: { name: string; span: Span }[];
}

const WHOLE_VARIABLE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;
const BRACED_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$/g;

/** Expand `$VAR`, `${VAR}` and `$$` in command words, as systemd does after splitting. */
export function expandWords(words: readonly Word[], lookup: (name: string) => VariableValue): Expansion {
  const result: Expansion = { words: [], hidden: [] };
  for (const word of words) {
    const whole = WHOLE_VARIABLE.exec(word.text.text);
    if (whole) {
      const name = whole[1] ?? whole[2];
      const found = lookup(name);
      if ('value' in found) {
        // `${VAR}` is exactly one argument; a bare `$VAR` splits into words.
        if (whole[1] !== undefined) result.words.push({ text: found.value, span: spanOf(found.value) });
        else result.words.push(...splitWords(found.value));
      } else if (found.reason === 'hidden') {
        result.hidden.push({ name, span: word.span });
      }
      continue;
    }
    result.words.push(expandInside(word, lookup, result));
  }
  return result;
}

/** `${VAR}` inside a word: the value's characters are located at the reference. */
function expandInside(word: Word, lookup: (name: string) => VariableValue, result: Expansion): Word {
  const source = word.text;
  if (!source.text.includes('$')) return word;
  const builder = new LocatedBuilder(source.file);
  let last = 0;
  for (const match of source.text.matchAll(BRACED_VARIABLE)) {
    const at = match.index ?? 0;
    for (let i = last; i < at; i++) builder.push(source.text[i], source.offsets[i]);
    if (match[0] === '$$') {
      builder.push('$', source.offsets[at]);
    } else {
      const found = lookup(match[1]);
      if ('value' in found) for (const c of found.value.text) builder.push(c, source.offsets[at]);
      else if (found.reason === 'hidden') result.hidden.push({ name: match[1], span: spanOf(source, at, at + match[0].length) });
    }
    last = at + match[0].length;
  }
  for (let i = last; i < source.text.length; i++) builder.push(source.text[i], source.offsets[i]);
  return { text: builder.build(source.offsets[source.text.length]), span: word.span };
}
