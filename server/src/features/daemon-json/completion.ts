/**
 * Completion in daemon.json: the keys dockerd reads (not those already present), inserted as
 * `"key": value` with a placeholder fitting the key's type, the members of object-valued keys, and
 * the allowed values of a key (enums, booleans, the usual drivers).
 */
import { getLocation, type Node } from 'jsonc-parser';
import type { Span } from '../../engine/types';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { DAEMON_OPTIONS, optionByKey, type JsonSchema } from '../../model/daemon-options';
import type { CompletionEntry, FeatureContext } from '../index';
import { describeSchema, enumValues, keyDocumentation, memberDocumentation, memberSchema } from './documentation';

/** Values the option table describes in prose but a schema cannot list (plugins are allowed too). */
const USUAL_VALUES: Readonly<Record<string, readonly string[]>> = {
  'log-driver': ['json-file', 'local', 'journald', 'syslog', 'gelf', 'fluentd', 'awslogs', 'splunk', 'gcplogs', 'none'],
  'storage-driver': ['overlay2', 'fuse-overlayfs', 'btrfs', 'zfs', 'vfs'],
};

export function daemonJsonCompletion(file: DaemonJsonFile, offset: number, context: FeatureContext): CompletionEntry[] {
  if (!file.root || file.root.type !== 'object') return [];
  const location = getLocation(file.text, offset);
  const replace = replacedSpan(location.previousNode, offset);
  const [key, member] = location.path;
  if (location.isAtPropertyKey && location.path.length === 1) return keyEntries(file, replace, context);
  if (location.isAtPropertyKey && location.path.length === 2 && typeof key === 'string') return memberEntries(file, key, replace);
  if (!location.isAtPropertyKey && location.path.length === 1 && typeof key === 'string') return valueEntries(optionByKey(key)?.schema, USUAL_VALUES[key], replace);
  if (!location.isAtPropertyKey && location.path.length === 2 && typeof key === 'string' && typeof member === 'string') return valueEntries(memberSchema(key, member), undefined, replace);
  return [];
}

/** The token being typed (a quoted key or a value) is replaced; otherwise text is inserted at the cursor. */
function replacedSpan(node: Node | undefined, offset: number): Span {
  if (node && ['string', 'number', 'boolean', 'null'].includes(node.type) && node.offset <= offset && offset <= node.offset + node.length) {
    return { start: node.offset, end: node.offset + node.length };
  }
  return { start: offset, end: offset };
}

function keyEntries(file: DaemonJsonFile, replace: Span, context: FeatureContext): CompletionEntry[] {
  const present = new Set(file.properties.filter((p) => p.keySpan.start !== replace.start).map((p) => p.key));
  const colonFollows = /^\s*:/.test(file.text.slice(replace.end));
  return DAEMON_OPTIONS.filter((option) => option.file !== 'ignored' && !present.has(option.key)).map((option) => ({
    label: option.key,
    kind: 'key',
    detail: describeSchema(option.schema),
    documentation: keyDocumentation(option.key, undefined, context.dockerVersion),
    ...memberText(option.key, option.schema, colonFollows),
    replace,
  }));
}

function memberEntries(file: DaemonJsonFile, key: string, replace: Span): CompletionEntry[] {
  const properties = optionByKey(key)?.schema.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return [];
  const owner = file.properties.find((p) => p.key === key && p.value.type === 'object');
  const present = new Set((owner?.value.children ?? []).map((m) => m.children?.[0]).filter((k) => k && k.offset !== replace.start).map((k) => String(k?.value)));
  const colonFollows = /^\s*:/.test(file.text.slice(replace.end));
  return Object.keys(properties).filter((name) => !present.has(name)).map((name) => {
    const schema = memberSchema(key, name) ?? {};
    return { label: name, kind: 'key', detail: describeSchema(schema), documentation: memberDocumentation(key, name), ...memberText(name, schema, colonFollows), replace };
  });
}

/** `"key": <placeholder>`, or only `"key"` when the colon is already there. */
function memberText(key: string, schema: JsonSchema, colonFollows: boolean): Pick<CompletionEntry, 'text' | 'snippet'> {
  const quoted = JSON.stringify(key);
  if (colonFollows) return { text: quoted, snippet: quoted };
  const { text, snippet } = valuePlaceholder(schema);
  return { text: `${quoted}: ${text}`, snippet: `${quoted}: ${snippet}` };
}

function valuePlaceholder(schema: JsonSchema): { text: string; snippet: string } {
  const choices = enumValues(schema);
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

function valueEntries(schema: JsonSchema | undefined, usual: readonly string[] | undefined, replace: Span): CompletionEntry[] {
  if (!schema) return [];
  const values: (string | boolean)[] = schema.type === 'boolean' ? [true, false] : [...new Set([...enumValues(schema), ...(usual ?? [])])];
  return values.map((value) => {
    const text = JSON.stringify(value);
    return { label: text, kind: 'value', text, snippet: text.replace(/[$}\\]/g, '\\$&'), replace };
  });
}
