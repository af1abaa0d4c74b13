/**
 * Completion in daemon.json: the keys dockerd reads (not those already present), inserted as
 * `"key": value` with a placeholder fitting the key's type, the members of object-valued keys, and
 * the allowed values of a key (enums, booleans, the usual drivers).
 */
import { getLocation, type Location } from 'jsonc-parser';
import type { Span } from '../../engine/types';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { DAEMON_OPTIONS, optionByKey, type JsonSchema } from '../../model/daemon-options';
import type { CompletionEntry, FeatureContext } from '../../engine/kind';
import { describeSchema, enumValues, keyDocumentation, memberDocumentation, memberSchema } from './documentation';

/** Values the option table describes in prose but a schema cannot list (plugins are allowed too). */
const USUAL_VALUES: Readonly<Record<string, readonly string[]>> = {
  'log-driver': ['json-file', 'local', 'journald', 'syslog', 'gelf', 'fluentd', 'awslogs', 'splunk', 'gcplogs', 'none'],
  'storage-driver': ['overlay2', 'fuse-overlayfs', 'btrfs', 'zfs', 'vfs'],
};

export function daemonJsonCompletion(file: DaemonJsonFile, offset: number, context: FeatureContext): CompletionEntry[] {
  if (!file.root || file.root.type !== 'object') return [];
  const location = getLocation(file.text, offset);
  const typed = typedSpan(file.text, location, offset);
  const [key, member] = location.path;
  if (location.isAtPropertyKey && location.path.length === 1) return keyEntries(file, typed, context);
  if (location.isAtPropertyKey && location.path.length === 2 && typeof key === 'string') return memberEntries(file, key, typed);
  if (!location.isAtPropertyKey && location.path.length === 1 && typeof key === 'string') return valueEntries(optionByKey(key)?.schema, USUAL_VALUES[key], typed, optionByKey(key)?.default);
  if (!location.isAtPropertyKey && location.path.length === 2 && typeof key === 'string' && typeof member === 'string') return valueEntries(memberSchema(key, member), undefined, typed);
  return [];
}

/** Characters that end a bare word in JSON text (a key typed without its quotes, `tru` as a value). */
const WORD_BOUNDARY = /[\s":,{}[\]]/;
const SCALAR_TYPES = new Set(['string', 'number', 'boolean', 'null']);

/**
 * What the user typed at the cursor, which an accepted entry replaces and the client filters on: the
 * whole key or value token, quotes included (so an auto-closed quote goes too), else the bare word
 * around the cursor with a quote before it. An unterminated string runs to the line's end in the
 * scanner; only its word up to a space or bracket counts, so `{ "max-s }` keeps its `}`.
 */
function typedSpan(text: string, location: Location, offset: number): Span {
  const node = location.previousNode;
  // For a key, getLocation's previousNode is the property, spanning only its key string.
  const isToken = node !== undefined && (SCALAR_TYPES.has(node.type) || (node.type === 'property' && location.isAtPropertyKey));
  if (isToken && node.offset <= offset && offset <= node.offset + node.length) {
    const end = node.offset + node.length;
    if (text[node.offset] !== '"' || isClosedString(text, node.offset, end)) return { start: node.offset, end };
    return { start: node.offset, end: wordEnd(text, offset) };
  }
  let start = offset;
  while (start > 0 && !WORD_BOUNDARY.test(text[start - 1])) start--;
  if (text[start - 1] === '"') start--;
  return { start, end: wordEnd(text, offset) };
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !WORD_BOUNDARY.test(text[end])) end++;
  return end;
}

/** Whether `text[start, end)`, which opens with a quote, also ends with one that no backslash escapes. */
function isClosedString(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text[end - 1] !== '"') return false;
  let backslashes = 0;
  while (end - 2 - backslashes > start && text[end - 2 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 0;
}

interface KeyFit {
  replace: Span;
  /** A value follows the key already: insert the key alone, keeping the user's value. */
  keyOnly: boolean;
  /** `,` when another property follows, so accepting keeps the file valid. */
  separator: string;
}

/** How a key entry fits what follows the typed key; a bare `:` after it joins the replacement, which brings a value placeholder. */
function keyFit(text: string, typed: Span): KeyFit {
  let replace = typed;
  const colon = /^\s*:[ \t]*/.exec(text.slice(typed.end, typed.end + 200));
  if (colon) {
    const afterColon = typed.end + colon[0].length;
    const valueFollows = afterColon < text.length && !/[\r\n,}]/.test(text[afterColon]);
    // A completion's range stays on the cursor's line.
    if (valueFollows || /[\r\n]/.test(colon[0])) return { replace: typed, keyOnly: true, separator: '' };
    replace = { start: typed.start, end: afterColon };
  }
  const next = /^\s*(\S)/.exec(text.slice(replace.end, replace.end + 200))?.[1];
  return { replace, keyOnly: false, separator: next === '"' ? ',' : '' };
}

function keyEntries(file: DaemonJsonFile, typed: Span, context: FeatureContext): CompletionEntry[] {
  const present = new Set(file.properties.filter((p) => p.keySpan.start !== typed.start).map((p) => p.key));
  const fit = keyFit(file.text, typed);
  return DAEMON_OPTIONS.filter((option) => option.file !== 'ignored' && !present.has(option.key)).map((option) => ({
    label: option.key,
    kind: 'key',
    detail: describeSchema(option.schema),
    documentation: keyDocumentation(option.key, undefined, context),
    ...memberText(option.key, option.schema, fit, option.default),
    replace: fit.replace,
  }));
}

function memberEntries(file: DaemonJsonFile, key: string, typed: Span): CompletionEntry[] {
  const properties = optionByKey(key)?.schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return [];
  const owner = file.properties.find((p) => p.key === key && p.value.type === 'object');
  const present = new Set((owner?.value.children ?? []).map((m) => m.children?.[0]).filter((k) => k && k.offset !== typed.start).map((k) => String(k?.value)));
  const fit = keyFit(file.text, typed);
  return Object.keys(properties).filter((name) => !present.has(name)).map((name) => {
    const schema = memberSchema(key, name) ?? {};
    return { label: name, kind: 'key', detail: describeSchema(schema), documentation: memberDocumentation(key, name), ...memberText(name, schema, fit), replace: fit.replace };
  });
}

/** `"key": <placeholder>`, or only `"key"` when a value is already there. */
function memberText(key: string, schema: JsonSchema, fit: KeyFit, defaultValue?: unknown): Pick<CompletionEntry, 'text' | 'snippet'> {
  const quoted = JSON.stringify(key);
  if (fit.keyOnly) return { text: quoted, snippet: quoted };
  const { text, snippet } = valuePlaceholder(schema, defaultValue);
  return { text: `${quoted}: ${text}${fit.separator}`, snippet: `${quoted}: ${snippet}${fit.separator}` };
}

function valuePlaceholder(schema: JsonSchema, defaultValue?: unknown): { text: string; snippet: string } {
  const choices = enumValues(schema, defaultValue);
  if (choices.length > 0) return { text: JSON.stringify(choices[0]), snippet: `"\${1|${choices.map(escapeChoice).join(',')}|}"` };
  switch (schema.type) {
    case 'boolean':
      return { text: 'false', snippet: '${1|false,true|}' };
    case 'integer':
    case 'number':
      return { text: '0', snippet: '${1:0}' };
    case 'array':
      return { text: '[]', snippet: '[$1]' };
    case 'object':
      return { text: '{}', snippet: '{$1}' };
    default:
      return { text: '""', snippet: '"$1"' };
  }
}

/** Snippet choice syntax reserves `,` `|` `$` `}` and `\`. */
function escapeChoice(value: string): string {
  return value.replace(/[,|$}\\]/g, '\\$&');
}

function valueEntries(schema: JsonSchema | undefined, usual: readonly string[] | undefined, replace: Span, defaultValue?: unknown): CompletionEntry[] {
  if (!schema) return [];
  const values: (string | boolean)[] = schema.type === 'boolean' ? [true, false] : [...new Set([...enumValues(schema, defaultValue), ...(usual ?? [])])];
  return values.map((value) => {
    const text = JSON.stringify(value);
    return { label: text, kind: 'value', text, snippet: text.replace(/[$}\\]/g, '\\$&'), replace };
  });
}
