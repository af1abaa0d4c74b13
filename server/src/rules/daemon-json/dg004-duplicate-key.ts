import type { Node } from 'jsonc-parser';
import { defineRule } from '../../engine/rule';
import { nodeSpan } from '../../formats/daemon-json/parse';

/** A key written twice in one object: dockerd keeps the last one, so the earlier is dead text that misleads. */
export default defineRule({
  meta: {
    id: 'DG004',
    name: 'duplicate-key',
    description: 'A key given twice in one daemon.json object; only the last one counts.',
    severity: 'warning',
    kinds: ['daemon-json'],
    reads: 'daemon-json',
    messages: { duplicate: '"{{key}}" is given again later in this object; dockerd uses the last value, so this one has no effect.' },
    fix: 'safe',
  },
  check(context, file) {
    if (!file.root) return;
    for (const object of objectsIn(file.root)) {
      const members = (object.children ?? []).filter((m) => m.children?.length === 2 && typeof m.children[0].value === 'string');
      const lastByKey = new Map(members.map((m) => [m.children![0].value as string, m]));
      members.forEach((member, index) => {
        const key = member.children![0];
        const last = lastByKey.get(key.value)!;
        if (last === member) return;
        const next = members[index + 1];
        context.report({
          messageId: 'duplicate',
          data: { key: String(key.value) },
          at: { file: file.path, span: nodeSpan(key) },
          related: [{ location: { file: file.path, span: nodeSpan(last.children![0]) }, message: 'the value dockerd uses' }],
          // From this member up to the next one: the member, its comma and the line break go together.
          fixes: [{ title: `Remove the earlier "${key.value}"`, safety: 'safe', edits: [{ offset: member.offset, length: next.offset - member.offset, content: '' }] }],
        });
      });
    }
  },
});

/** Every object in the tree, by an explicit stack: scalars (most nodes, in long lists) cost one check each. */
function objectsIn(root: Node): Node[] {
  const objects: Node[] = [];
  const pending: Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'object') objects.push(node);
    for (const child of node.children ?? []) if (child.children) pending.push(child);
  }
  return objects;
}
