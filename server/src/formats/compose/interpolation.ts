/**
 * Compose's variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR?err}`, `${VAR:+alt}`,
 * `$$`), as compose-go's template package reads it. dockguard lints a file without its environment,
 * so each interpolated part becomes one UNKNOWN character: `"${PORT:-80}:80"` reads `"\u0000:80"`, a
 * port published on every interface whatever PORT is, while a wholly unknown value judges nothing.
 */

/** Stands for one interpolated part of a value: it could be anything. */
export const UNKNOWN = '\u0000';

export interface Interpolated {
  /** The value with `$$` unescaped and each interpolation replaced by UNKNOWN. */
  text: string;
  /** Offset in the value of a `${` Compose refuses ("invalid interpolation format"), if any. */
  invalidAt?: number;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Interpolates `value` without an environment. */
export function interpolate(value: string): Interpolated {
  if (!value.includes('$')) return { text: value };
  let text = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c !== '$') {
      text += c;
      i++;
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      text += '$';
      i += 2;
      continue;
    }
    const name = NAME.exec(value.slice(i + 1));
    if (name) {
      text += UNKNOWN;
      i += 1 + name[0].length;
      continue;
    }
    if (next !== '{') {
      // compose-go's template leaves any other `$` as it is (`^latest$`, `$(date)`).
      text += c;
      i++;
      continue;
    }
    const end = bracedEnd(value, i + 2);
    if (end === undefined) return { text, invalidAt: i };
    text += UNKNOWN;
    i = end + 1;
  }
  return { text };
}

/** The index of the `}` closing a `${` whose body starts at `from` (nested `${…}` in defaults allowed). */
function bracedEnd(value: string, from: number): number | undefined {
  const name = NAME.exec(value.slice(from));
  if (!name) return undefined;
  let i = from + name[0].length;
  if (value[i] === '}') return i;
  if (value[i] === ':') i++;
  if (!'-?+'.includes(value[i] ?? 'x')) return undefined;
  let depth = 0;
  for (i++; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '{') {
      depth++;
      i++;
    } else if (value[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** True when the interpolated text is known in full. */
export function isKnown(text: string): boolean {
  return !text.includes(UNKNOWN);
}

/** The interpolated text as a message shows it: each unknown part as `${…}`. */
export function shown(text: string): string {
  return text.split(UNKNOWN).join('${…}');
}

/**
 * `value` with each interpolation whose variables `lookup` knows replaced by its result (escaped, so
 * a `$` in it stays literal) and every other part as written: what `interpolate` then reads is the
 * value Compose runs, with only the variables nobody set left unknown. compose-go's operators: a
 * `${VAR:-d}` and `${VAR-d}` default, `${VAR:?e}`/`${VAR?e}` (the value when set), `${VAR:+a}`/`${VAR+a}`.
 */
export function substituteKnown(value: string, lookup: (name: string) => string | undefined): string {
  if (!value.includes('$')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '$') {
      out += value[i++];
      continue;
    }
    if (value[i + 1] === '$') {
      out += '$$';
      i += 2;
      continue;
    }
    const bare = NAME.exec(value.slice(i + 1));
    if (bare) {
      const known = lookup(bare[0]);
      out += known === undefined ? `$${bare[0]}` : escaped(known);
      i += 1 + bare[0].length;
      continue;
    }
    const end = value[i + 1] === '{' ? bracedEnd(value, i + 2) : undefined;
    if (end === undefined) {
      out += value[i++];
      continue;
    }
    out += substituteBraced(value.slice(i, end + 1), lookup);
    i = end + 1;
  }
  return out;
}

function substituteBraced(written: string, lookup: (name: string) => string | undefined): string {
  const name = NAME.exec(written.slice(2))![0];
  const rest = written.slice(2 + name.length, -1);
  const known = lookup(name);
  if (known === undefined) return written;
  if (rest === '') return escaped(known);
  const colon = rest[0] === ':';
  const operator = rest[colon ? 1 : 0];
  const operand = rest.slice(colon ? 2 : 1);
  const set = colon ? known !== '' : true;
  if (operator === '-') return set ? escaped(known) : substituteKnown(operand, lookup);
  if (operator === '+') return set ? substituteKnown(operand, lookup) : '';
  // `?`: the value when set; unset, Compose stops with the message (left as written: unknown).
  return set ? escaped(known) : written;
}

function escaped(text: string): string {
  return text.replace(/\$/g, '$$$$');
}
