/** Hover on a daemon.json key: a root key's documentation, or a documented member of one (`log-opts.max-size`). */
import { findNodeAtOffset, getNodeValue } from 'jsonc-parser';
import { nodeSpan, type DaemonJsonFile } from '../../formats/daemon-json/parse';
import type { FeatureContext, HoverResult } from '../../engine/kind';
import { keyDocumentation, memberDocumentation } from './documentation';

export function daemonJsonHover(file: DaemonJsonFile, offset: number, context: FeatureContext): HoverResult | undefined {
  if (!file.root) return undefined;
  const node = findNodeAtOffset(file.root, offset, true);
  const property = node?.parent;
  // Only the key of a member: its value is the user's own data.
  if (!node || node.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== node) return undefined;
  const key = String(node.value);
  const valueNode = property.children?.[1];
  const owner = property.parent?.parent;
  let markdown: string | undefined;
  if (property.parent === file.root) {
    markdown = keyDocumentation(key, valueNode ? getNodeValue(valueNode) : undefined, context);
  } else if (owner?.type === 'property' && owner.parent === file.root) {
    markdown = memberDocumentation(String(owner.children?.[0]?.value), key);
  }
  return markdown ? { markdown, span: nodeSpan(node) } : undefined;
}
