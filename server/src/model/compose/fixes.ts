/**
 * Compose fixes say *what* to change (remove this pair, add that key to the service, drop this list
 * item); this module finds *where* it is written — in the service, in an anchor, in an earlier
 * document — and builds the in-place edits. A fix whose edit lands in text other services share says
 * so in its title.
 */
import type { FixProposal } from '../../engine/types';
import type { FixSafety, TextEdit } from '../../engine/types';
import { addMember, appendItem, removeItem, removeMember } from '../../formats/compose/edits';
import type { ComposeFile } from '../../formats/compose/parse';
import type { TreeMap, TreeMember, TreeNode, TreeSeq } from '../../formats/compose/yaml-tree';
import { writtenNode } from './interpolated';
import type { Service } from './services';

type Parent = { map: TreeMap; pair: TreeMember } | { seq: TreeSeq };

const parentIndex = new WeakMap<ComposeFile, Map<TreeNode, Parent>>();

/** The file of the project that writes a node (a project holds every file its values come from). */
export function fileOf(files: readonly ComposeFile[], node: TreeNode): ComposeFile {
  const file = files.find((f) => f.path === node.file);
  if (!file) throw new Error(`${node.file} is not a file of this Compose project`);
  return file;
}

/** A node's text as its file writes it, quotes removed. */
export function writtenText(files: readonly ComposeFile[], node: TreeNode): string {
  return fileOf(files, node).text.slice(node.span.start, node.span.end).replace(/^["']|["']$/g, '');
}

/** Where a node is written: the map (and pair) or the list holding it (an interpolated copy: its original's). */
function parentOf(file: ComposeFile, copy: TreeNode): Parent | undefined {
  const node = writtenNode(copy);
  let index = parentIndex.get(file);
  if (!index) {
    index = new Map();
    const seen = new Set<TreeNode>();
    const walk = (n: TreeNode) => {
      if (seen.has(n)) return;
      seen.add(n);
      if (n.type === 'map') for (const pair of n.written) {
        if (!index!.has(pair.value)) index!.set(pair.value, { map: n, pair });
        walk(pair.value);
      }
      if (n.type === 'seq') for (const item of n.items) {
        if (!index!.has(item)) index!.set(item, { seq: n });
        walk(item);
      }
    };
    file.documents.forEach(walk);
    parentIndex.set(file, index);
  }
  return index.get(node);
}

/** The services that get a value written outside their own mapping (an anchor, an extended service). */
export function sharedBy(services: readonly Service[], at: { file: string; span: { start: number } }): Service[] {
  const inside = (s: Service) => s.parts.some((p) => p.file === at.file && p.span.start <= at.span.start && at.span.start <= p.span.end);
  const outside = services.some((s) => !inside(s));
  return outside || services.length > 1 ? [...services] : [];
}

/** ` (in text shared by services "a", "b")`, or '' when only the finding's service has the text. */
export function sharedNote(services: readonly Service[]): string {
  return services.length > 0 ? ` (edits text shared by services ${services.map((s) => `"${s.name}"`).join(', ')})` : '';
}

/** A fix with its one edit in `file` (the finding's own, or another file of the project: an override's list). */
function proposal(title: string, safety: FixSafety, edit: TextEdit | undefined, file: ComposeFile): FixProposal[] {
  return edit ? [{ title, safety, edits: [], otherFiles: [{ file: file.path, edits: [edit] }] }] : [];
}

/** Remove the pair that sets `member` where it is written; a mapping it leaves empty goes with it (`web:` alone is null). */
export function removePairFix(files: readonly ComposeFile[], member: TreeMember, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, member.value);
  return proposal(title, safety, removePairEdit(file, member.value), file);
}

/**
 * `emptied` is the first mapping the removal leaves empty, with its pair: should the climb reach a
 * document's last pair, that one becomes `key: {}` instead — Compose refuses an empty file.
 */
function removePairEdit(file: ComposeFile, value: TreeNode, emptied?: { map: TreeMap; pair: TreeMember }): TextEdit | undefined {
  const parent = parentOf(file, value);
  if (!parent || !('map' in parent)) return undefined;
  const holder = parentOf(file, parent.map);
  if (parent.map.written.length === 1 && holder && 'map' in holder) return removePairEdit(file, parent.map, emptied ?? { map: parent.map, pair: holder.pair });
  if (parent.map.written.length === 1 && !holder && emptied) {
    const { map, pair } = emptied;
    return map.flow ? { offset: map.span.start, length: map.span.end - map.span.start, content: '{}' } : { offset: pair.keySpan.end, length: map.span.end - pair.keySpan.end, content: ': {}' };
  }
  return removeMember(file.text, parent.map, parent.pair);
}

/** Remove one item of a list; the list's pair goes too when it was the only item (an empty key is invalid). */
export function removeItemFix(files: readonly ComposeFile[], item: TreeNode, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, item);
  const parent = parentOf(file, item);
  if (!parent || !('seq' in parent)) return [];
  if (parent.seq.items.length === 1) return proposal(title, safety, removePairEdit(file, parent.seq), file);
  return proposal(title, safety, removeItem(file.text, parent.seq, writtenNode(item)), file);
}

/** Add `key: value` to the service's own mapping (in the first file that defines it). */
export function addSettingFix(files: readonly ComposeFile[], service: Service, key: string, value: string, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, service.own);
  return proposal(title, safety, addMember(file.text, service.own, key, value), file);
}

/** Add an item to the list a setting holds (where that list is written). */
export function appendItemFix(files: readonly ComposeFile[], list: TreeSeq, item: string, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, list);
  return proposal(title, safety, appendItem(file.text, list, item), file);
}

/** Replace a scalar, keeping its quotes: `"always"` → `"on-failure:5"`. */
export function replaceScalarFix(files: readonly ComposeFile[], node: TreeNode, value: string, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, node);
  const written = file.text.slice(node.span.start, node.span.end);
  const quote = /^["']/.test(written) && written.endsWith(written[0]) && written.length > 1 ? written[0] : '';
  return proposal(title, safety, { offset: node.span.start, length: node.span.end - node.span.start, content: `${quote}${value}${quote}` }, file);
}

/** Drop one option from a short syntax's last `:`-field (`/a:/b:ro,rshared` → `/a:/b:ro`; `/tmp:exec` → `/tmp`). */
export function removeModeOptionFix(files: readonly ComposeFile[], node: TreeNode, option: string, title: string, safety: FixSafety): FixProposal[] {
  const file = fileOf(files, node);
  const written = file.text.slice(node.span.start, node.span.end);
  const quoted = /^["']/.test(written) && written.length > 1 && written.endsWith(written[0]);
  const inner = quoted ? written.slice(1, -1) : written;
  const colon = inner.lastIndexOf(':');
  if (colon < 0) return [];
  const options = inner.slice(colon + 1).split(',');
  if (!options.includes(option)) return [];
  const rest = options.filter((o) => o !== option);
  const offset = node.span.start + (quoted ? 1 : 0) + colon;
  return proposal(title, safety, { offset, length: inner.length - colon, content: rest.length > 0 ? `:${rest.join(',')}` : '' }, file);
}
