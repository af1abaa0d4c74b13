/**
 * Edits to `.dockguard.yaml` that the editor offers: an `overrides` entry that turns a rule off for
 * one file (daemon.json holds no comments, so this is its "disable for this file"). Text in, one
 * text edit out; the config's other lines are left as written.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { TextEdit } from './types';

/** Adds `{ files: [file], rules: [ruleId] }` to the config's `overrides` (`text` undefined: a new config). */
export function overrideEdit(text: string | undefined, file: string, ruleId: string): TextEdit {
  const entry = (indent: string) => `${indent}- files: [${JSON.stringify(file)}]\n${indent}  rules: [${ruleId}]\n${indent}  reason: ""\n`;
  const source = text ?? '';
  const doc = parseDocument(source);
  const root = doc.contents;
  const overrides = isMap(root) ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'overrides') : undefined;
  const list = overrides?.value;
  if (isSeq(list) && !list.flow && list.items.length > 0 && list.range) {
    // After the last item, at the items' indentation.
    const first = list.items[0] as { range?: [number, number, number] };
    const lineStart = source.lastIndexOf('\n', (first.range?.[0] ?? list.range[0]) - 1) + 1;
    const indent = ' '.repeat(Math.max(0, (first.range?.[0] ?? list.range[0]) - lineStart - 2));
    const end = list.range[2];
    return { offset: end, length: 0, content: (source[end - 1] === '\n' ? '' : '\n') + entry(indent) };
  }
  if (overrides) {
    // A flow list or an empty value: let the YAML library write the entry, and replace the text.
    const item = { files: [file], rules: [ruleId], reason: '' };
    // A flow list keeps its items; any other value (empty, not a list) becomes a list of the entry.
    const items = isSeq(list) ? [...(list.toJSON() as unknown[]), item] : [item];
    doc.set('overrides', doc.createNode(items, { flow: isSeq(list) && list.flow }));
    return { offset: 0, length: source.length, content: doc.toString() };
  }
  const prefix = source === '' || source.endsWith('\n') ? '' : '\n';
  return { offset: source.length, length: 0, content: `${prefix}overrides:\n${entry('  ')}` };
}
