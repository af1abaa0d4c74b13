/**
 * In-place YAML edits for Compose fixes: remove a pair or a list item, add a pair or an item, replace
 * a value. Each edit touches only the lines it concerns, in the style they are written (block or
 * flow, the file's indentation and line ending), so comments, quoting and the rest of the file stay
 * byte for byte; a fix is never a re-serialisation of the document.
 */
import type { TextEdit } from '../../engine/types';
import type { TreeMap, TreeMember, TreeNode, TreeSeq } from './yaml-tree';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset just past the line break that ends the line holding `offset` (or the end of the text). */
function nextLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

export function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const onlySpaces = (s: string) => /^[ \t]*$/.test(s);

/** Delete `[start, end)` of a flow collection with the comma that separates it from a neighbour. */
function removeFlowEntry(text: string, start: number, end: number, isLast: boolean): TextEdit {
  if (!isLast) {
    const comma = text.indexOf(',', end);
    let after = comma + 1;
    while (text[after] === ' ') after++;
    return { offset: start, length: after - start, content: '' };
  }
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  if (text[before - 1] === ',') before--;
  return { offset: before, length: end - before, content: '' };
}

/** Delete whole lines `[start, end)` when the span sits alone on them (trailing comment included). */
function removeLines(text: string, start: number, end: number): TextEdit | undefined {
  const from = lineStart(text, start);
  if (!onlySpaces(text.slice(from, start))) return undefined;
  return { offset: from, length: nextLine(text, end) - from, content: '' };
}

/** Remove a pair written in `map` (block or flow). Undefined when the pair shares its line with others. */
export function removeMember(text: string, map: TreeMap, pair: TreeMember): TextEdit | undefined {
  const index = map.written.findIndex((m) => m.keySpan.start === pair.keySpan.start);
  if (index < 0) return undefined;
  if (map.flow) return removeFlowEntry(text, pair.span.start, pair.span.end, index === map.written.length - 1);
  return removeLines(text, pair.span.start, pair.span.end);
}

/** Remove an item of a list (block `- item` line, or flow `[a, item]` entry). */
export function removeItem(text: string, seq: TreeSeq, item: TreeNode): TextEdit | undefined {
  const index = seq.items.indexOf(item);
  if (index < 0) return undefined;
  if (seq.flow) return removeFlowEntry(text, item.span.start, item.span.end, index === seq.items.length - 1);
  const dash = text.lastIndexOf('-', item.span.start);
  return dash < 0 ? undefined : removeLines(text, dash, item.span.end);
}

/** Replace a scalar's text (its quotes included) with `content`. */
export function replaceValue(node: TreeNode, content: string): TextEdit {
  return { offset: node.span.start, length: node.span.end - node.span.start, content };
}

/** The indentation of a block map's pairs (its first pair's column), as spaces. */
function pairIndent(text: string, map: TreeMap): string {
  const first = map.written[0];
  const at = first ? first.keySpan.start : map.span.start;
  return ' '.repeat(at - lineStart(text, at));
}

/** Add `key: value` (value already YAML text) to a map: a new line after its last pair, or `, key: value` in flow style. */
export function addMember(text: string, map: TreeMap, key: string, value: string): TextEdit | undefined {
  if (map.flow) {
    const close = text.lastIndexOf('}', map.span.end);
    if (close < 0) return undefined;
    const empty = map.written.length === 0;
    return { offset: map.written.length ? map.written[map.written.length - 1].span.end : close, length: 0, content: `${empty ? '' : ', '}${key}: ${value}` };
  }
  const last = map.written[map.written.length - 1];
  if (!last) return undefined;
  const at = nextLine(text, last.span.end);
  const needsBreak = at === text.length && !/[\r\n]$/.test(text);
  const eol = lineBreak(text);
  return { offset: at, length: 0, content: `${needsBreak ? eol : ''}${pairIndent(text, map)}${key}: ${value}${needsBreak ? '' : eol}` };
}

/** Append an item (YAML text) to a list: a `- item` line after its last item, or `, item` in flow style. */
export function appendItem(text: string, seq: TreeSeq, item: string): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.span.end);
    if (close < 0) return undefined;
    return last ? { offset: last.span.end, length: 0, content: `, ${item}` } : { offset: close, length: 0, content: item };
  }
  if (!last) return undefined;
  const dash = text.lastIndexOf('-', last.span.start);
  const indent = ' '.repeat(dash - lineStart(text, dash));
  const at = nextLine(text, last.span.end);
  const needsBreak = at === text.length && !/[\r\n]$/.test(text);
  const eol = lineBreak(text);
  return { offset: at, length: 0, content: `${needsBreak ? eol : ''}${indent}- ${item}${needsBreak ? '' : eol}` };
}
