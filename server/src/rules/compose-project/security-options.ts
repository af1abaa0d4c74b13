/** `security_opt` entries as dockerd reads them: `name:value` or `name=value`, a bare `no-new-privileges` meaning true. */
import type { TreeNode } from '../../formats/compose/yaml-tree';
import type { Service } from '../../model/compose/services';
import { itemsOf, literalOf, setting } from '../../model/compose/values';

export interface SecurityOption {
  name: string;
  value: string;
  node: TreeNode;
}

export function securityOptions(service: Service): SecurityOption[] {
  return itemsOf(setting(service, 'security_opt')?.value).flatMap((node) => {
    const text = literalOf(node);
    if (text === undefined) return [];
    const separator = text.search(/[:=]/);
    return [{ name: (separator < 0 ? text : text.slice(0, separator)).trim().toLowerCase(), value: separator < 0 ? '' : text.slice(separator + 1).trim(), node }];
  });
}
