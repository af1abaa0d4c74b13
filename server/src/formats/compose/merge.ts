/**
 * Compose's merge of one mapping onto another (a later document of the same file onto the earlier
 * ones; a service onto the one it `extends`), after the compose-spec's merge rules: mappings merge
 * key by key, sequences append (unique values once), a few values replace, `!override` replaces and
 * `!reset` removes. Each merged member keeps the node that sets it, so findings point at their text.
 */
import type { TreeMap, TreeMember, TreeNode } from './yaml-tree';

/** Sequences that replace rather than append: a command is one value, not a list to extend. */
const REPLACED = new Set(['command', 'entrypoint', 'test']);

/** `over` merged onto `base`; the result takes `over`'s text (its span, pairs) as the place to edit. */
export function mergeMaps(base: TreeMap, over: TreeMap, resets: ReadonlySet<string> = resetKeys(over)): TreeMap {
  const members: TreeMember[] = base.members.filter((m) => !resets.has(m.key));
  for (const m of over.members) {
    const at = members.findIndex((b) => b.key === m.key);
    if (at < 0) {
      members.push(m);
      continue;
    }
    members[at] = { ...m, value: mergeValues(m.key, members[at].value, m.value) };
  }
  return { ...over, members };
}

function mergeValues(key: string, base: TreeNode, over: TreeNode): TreeNode {
  if (over.tag === '!override') return over;
  if (base.type === 'map' && over.type === 'map') return mergeMaps(base, over);
  if (base.type === 'seq' && over.type === 'seq' && !REPLACED.has(key)) {
    const seen = new Set(base.items.filter((i) => i.type === 'scalar').map((i) => scalarKey(i)));
    return { ...over, items: [...base.items, ...over.items.filter((i) => i.type !== 'scalar' || !seen.has(scalarKey(i)))] };
  }
  return over;
}

function scalarKey(node: TreeNode): string {
  return node.type === 'scalar' ? `${typeof node.value}:${String(node.value)}` : '';
}

/** The keys a map's `!reset` pairs remove from what it is merged onto. */
export function resetKeys(map: TreeMap): Set<string> {
  return new Set(map.written.filter((m) => m.value.tag === '!reset').map((m) => m.key));
}
