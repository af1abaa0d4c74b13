/** Linux capabilities as Compose takes them: with or without `CAP_`, in any case (`cap_add: [sys_admin]`). */
import type { TreeNode } from '../../formats/compose/yaml-tree';
import { itemsOf, literalOf } from '../../model/compose/values';

export function capabilityName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}

/** The known capabilities of a `cap_add`/`cap_drop` list, each with its item. */
export function capabilitiesOf(list: TreeNode | undefined): { name: string; node: TreeNode }[] {
  return itemsOf(list).flatMap((node) => {
    const text = literalOf(node);
    return text === undefined ? [] : [{ name: capabilityName(text), node }];
  });
}
