/**
 * Completion in a Compose file, from compose-spec's schema: the keys a mapping allows (not those
 * already there) where a key is being typed, and a key's allowed values (enums, booleans) after its
 * colon. Works on the text's indentation, so a line being typed need not parse yet.
 */
import type { CompletionEntry } from '../../engine/kind';
import type { Span } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import { descriptionAt, propertyNamesAt, schemasAt } from '../../schema/compose-schema';
import type { JsonPath } from '../../schema/validate';

/** Values compose-spec describes in prose but does not list (its schema has them as plain strings). */
const USUAL_VALUES: Readonly<Record<string, readonly string[]>> = {
  restart: ['no', 'always', 'on-failure', 'on-failure:5', 'unless-stopped'],
  network_mode: ['bridge', 'host', 'none'],
  ipc: ['private', 'shareable', 'host', 'none'],
};

export function composeCompletion(file: ComposeFile, offset: number): CompletionEntry[] {
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const keyTyped = /^(\s*)(-\s+)?([\w.-]*)$/.exec(before);
  if (keyTyped) {
    // `- ke|` starts the mapping of a list item: its keys are those of the list's items.
    const outer = parentPath(text, lineStart, keyTyped[1].length);
    const path = outer && (keyTyped[2] ? [...outer, 0] : outer);
    if (!path) return [];
    const replace: Span = { start: offset - keyTyped[3].length, end: wordEnd(text, offset) };
    const present = keyTyped[2] ? new Set<string>() : siblingKeys(text, lineStart, keyTyped[1].length);
    return propertyNamesAt(path).filter((name) => !present.has(name)).map((name) => ({
      label: name, kind: 'key', documentation: descriptionAt([...path, name]), text: `${name}: `, replace,
    }));
  }
  const valueTyped = /^(\s*)(?:-\s+)?([\w.-]+):\s+([\w.-]*)$/.exec(before);
  if (!valueTyped) return [];
  const path = parentPath(text, lineStart, valueTyped[1].length);
  if (!path) return [];
  const values = new Set<string>(path.length === 2 && path[0] === 'services' ? USUAL_VALUES[valueTyped[2]] ?? [] : []);
  for (const schema of schemasAt([...path, valueTyped[2]])) {
    for (const value of (schema.enum ?? []) as unknown[]) values.add(String(value));
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('boolean')) ['true', 'false'].forEach((v) => values.add(v));
  }
  const replace: Span = { start: offset - valueTyped[3].length, end: wordEnd(text, offset) };
  return [...values].map((value) => ({ label: value, kind: 'value', text: value, replace }));
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[\w.-]/.test(text[end])) end++;
  return end;
}

/** The path of the mapping whose keys sit at column `indent`, from the lines above `lineStart` (their keys and list dashes). */
function parentPath(text: string, lineStart: number, indent: number): JsonPath | undefined {
  const path: JsonPath = [];
  let wanted = indent;
  for (const line of linesAbove(text, lineStart)) {
    if (wanted === 0) break;
    if (/^\s*(#|$)/.test(line)) continue;
    const match = /^(\s*)(-\s+)?(?:([\w.-]+|"[^"]*"|'[^']*'):(?:\s|$))?/.exec(line)!;
    const dashColumn = match[1].length;
    const keyColumn = dashColumn + (match[2]?.length ?? 0);
    if (match[3] !== undefined && keyColumn < wanted) {
      path.unshift(match[3].replace(/^["']|["']$/g, ''));
      wanted = keyColumn;
    }
    if (match[2] && dashColumn < wanted) {
      path.unshift(0);
      wanted = dashColumn;
    }
  }
  return wanted === 0 ? path : undefined;
}

/** The keys already written at `indent` in the mapping the line at `lineStart` belongs to. */
function siblingKeys(text: string, lineStart: number, indent: number): Set<string> {
  const keys = new Set<string>();
  for (const direction of [linesAbove(text, lineStart), linesBelow(text, lineStart)]) {
    for (const line of direction) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const leading = /^\s*/.exec(line)![0].length;
      if (leading < indent) break;
      const match = /^\s*([\w.-]+):/.exec(line);
      if (leading === indent && match) keys.add(match[1]);
    }
  }
  return keys;
}

function* linesAbove(text: string, lineStart: number): Generator<string> {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    yield text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
  }
}

function* linesBelow(text: string, lineStart: number): Generator<string> {
  let start = text.indexOf('\n', lineStart) + 1;
  while (start > 0 && start < text.length) {
    const end = text.indexOf('\n', start);
    yield text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    if (end < 0) return;
    start = end + 1;
  }
}
