/**
 * Hover and completion in `.dockguard.yaml`, from schemas/dockguard-config.schema.json (the same
 * descriptions the YAML extension shows through `yamlValidation`): a key's description on hover;
 * the keys of the mapping being written, and a key's allowed values, on completion.
 */
import { isMap, isPair, isScalar, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { CompletionEntry, HoverResult } from '../../engine/kind';
import type { DockguardConfigFile } from '../../engine/config-file';
import schema from '../../../../schemas/dockguard-config.schema.json';

interface SchemaNode {
  description?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode & { anyOf?: SchemaNode[] };
}

const ROOT = schema as SchemaNode;

export function configHover(file: DockguardConfigFile, offset: number): HoverResult | undefined {
  let found: HoverResult | undefined;
  const doc = parseDocument(file.text);
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range || offset < key.range[0] || offset > key.range[1]) return;
      const path = [...ancestors.filter(isPair).map((p) => String((p.key as { value?: unknown })?.value)), String(key.value)];
      const node = schemaAt(path);
      if (node?.description) found = { markdown: `**\`${path.join('.')}\`**\n\n${node.description}${node.enum ? `\n\nOne of ${node.enum.map((v) => `\`${v}\``).join(', ')}.` : ''}`, span: { start: key.range[0], end: key.range[1] } };
      return visit.BREAK;
    },
  });
  return found;
}

/** At the start of a top-level line: the keys not yet written; after `key: `: its allowed values. */
export function configCompletion(file: DockguardConfigFile, offset: number): CompletionEntry[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  const value = /^([A-Za-z]+):\s*(\S*)$/.exec(before);
  if (value) {
    const options = ROOT.properties?.[value[1]]?.enum ?? [];
    const replace = { start: offset - value[2].length, end: offset };
    return options.map((option) => ({ label: option, kind: 'value' as const, text: option, replace }));
  }
  if (!/^[A-Za-z]*$/.test(before)) return [];
  const doc = parseDocument(file.text);
  const written = new Set(isMap(doc.contents) ? doc.contents.items.map((pair) => String((pair.key as { value?: unknown })?.value)) : []);
  return Object.entries(ROOT.properties ?? {})
    .filter(([key]) => key.startsWith(before) && (!written.has(key) || key === before))
    .map(([key, node]) => ({ label: key, kind: 'key' as const, documentation: node.description, text: `${key}: `, replace: { start: lineStart, end: offset } }));
}

/** The schema of a key path; list items are looked through (`overrides.files`). */
function schemaAt(path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const key of path) {
    while (node?.items) node = node.items.anyOf?.find((branch) => branch.properties) ?? node.items;
    const next: SchemaNode | boolean | undefined = node?.properties?.[key] ?? node?.additionalProperties;
    node = typeof next === 'object' ? next : undefined;
  }
  return node;
}
