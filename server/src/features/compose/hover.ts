/** Hover on a Compose key: compose-spec's description of it (a finding's own hover comes first, from features/). */
import type { HoverResult } from '../../engine/kind';
import type { Span } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import type { TreeNode } from '../../formats/compose/yaml-tree';
import { descriptionAt } from '../../schema/compose-schema';
import { formatPath, type JsonPath } from '../../schema/validate';

export function composeHover(file: ComposeFile, offset: number): HoverResult | undefined {
  for (const document of file.documents) {
    const found = keyAt(document, offset, []);
    if (!found) continue;
    const description = descriptionAt(found.path);
    if (!description) return undefined;
    return { markdown: `**${formatPath(found.path)}**\n\n${description}`, span: found.span };
  }
  return undefined;
}

/** The written key under the cursor, with its path from the document's root. */
function keyAt(node: TreeNode, offset: number, path: JsonPath, seen = new Set<TreeNode>()): { path: JsonPath; span: Span } | undefined {
  if (seen.has(node) || offset < node.span.start || offset > node.span.end) return undefined;
  seen.add(node);
  if (node.type === 'map') {
    for (const pair of node.written) {
      if (pair.keySpan.start <= offset && offset <= pair.keySpan.end) return { path: [...path, pair.key], span: pair.keySpan };
      const inner = keyAt(pair.value, offset, [...path, pair.key], seen);
      if (inner) return inner;
    }
  } else if (node.type === 'seq') {
    for (const [i, item] of node.items.entries()) {
      const inner = keyAt(item, offset, [...path, i], seen);
      if (inner) return inner;
    }
  }
  return undefined;
}
