/**
 * A Compose file's tree interpolated with a project's variables: each string whose known variables
 * change it is a copy (`substituteKnown`), everything else shared; a copy maps back to the node as
 * written, where fixes find the text to edit.
 */
import { substituteKnown } from '../../formats/compose/interpolation';
import type { TreeMember, TreeNode } from '../../formats/compose/yaml-tree';

/** Interpolated copies point at the node as written (where fixes edit). */
const written = new WeakMap<TreeNode, TreeNode>();

/** The node as its file writes it (an interpolated copy's original). */
export function writtenNode<N extends TreeNode>(node: N): N {
  return (written.get(node) as N | undefined) ?? node;
}

/** The tree with each string's known variables substituted; untouched subtrees are shared, not copied. */
export function interpolateTree(node: TreeNode, lookup: (name: string) => string | undefined, done = new Map<TreeNode, TreeNode>()): TreeNode {
  const known = done.get(node);
  if (known) return known;
  let result: TreeNode = node;
  if (node.type === 'scalar') {
    if (typeof node.value === 'string' && node.value.includes('$')) {
      const value = substituteKnown(node.value, lookup);
      if (value !== node.value) result = { ...node, value };
    }
  } else if (node.type === 'seq') {
    const items = node.items.map((item) => interpolateTree(item, lookup, done));
    if (items.some((item, i) => item !== node.items[i])) result = { ...node, items };
  } else {
    const members = new Map<TreeMember, TreeMember>();
    const copy = (m: TreeMember) => {
      let c = members.get(m);
      if (!c) {
        const value = interpolateTree(m.value, lookup, done);
        members.set(m, (c = value === m.value ? m : { ...m, value }));
      }
      return c;
    };
    const effective = node.members.map(copy);
    if (effective.some((m, i) => m !== node.members[i])) result = { ...node, members: effective, written: node.written.map(copy) };
  }
  if (result !== node) written.set(result, writtenNode(node));
  done.set(node, result);
  return result;
}

