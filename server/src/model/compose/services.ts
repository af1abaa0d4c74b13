/**
 * The services of one Compose file, as Compose runs them: the file's documents merged, `extends`
 * within the file resolved. A service that only makes sense merged onto a base (no image and no
 * build, an `extends` of another file, any service of an override file) is marked partial, so rules
 * about a missing setting stay silent on it.
 */
import type { Span } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import type { DaemonHost } from '../host';
import { mergeMaps } from '../../formats/compose/merge';
import { member, type TreeMap, type TreeNode } from '../../formats/compose/yaml-tree';

/** What DG3xx rules read: one Compose file and its services. */
export interface ComposeModel {
  file: ComposeFile;
  services: Service[];
  /** The daemon the project runs on (`daemon-link.ts`); undefined when no daemon configuration belongs to it. */
  daemon?: DaemonHost;
}

export interface Service {
  name: string;
  /** The service's key: where a finding about a missing setting is reported. */
  keySpan: Span;
  file: string;
  /** The effective settings. */
  settings: TreeMap;
  /** The service's mapping in the last document that defines it: where a fix adds a key. */
  own: TreeMap;
  partial: boolean;
}

/** The services of one parsed file. */
export function buildServices(file: Pick<ComposeFile, 'root' | 'override' | 'path'>): Service[] {
  const services = member(file.root, 'services')?.value;
  if (services?.type !== 'map') return [];
  const maps = new Map(services.members.flatMap((m) => (m.value.type === 'map' ? [[m.key, m.value] as const] : [])));
  const resolved = new Map<string, { settings: TreeMap; partial: boolean }>();
  const resolving = new Set<string>();

  const resolve = (name: string): { settings: TreeMap; partial: boolean } => {
    const known = resolved.get(name);
    if (known) return known;
    const own = maps.get(name)!;
    resolving.add(name);
    let result = { settings: own, partial: file.override };
    const base = extendedService(member(own, 'extends')?.value);
    if (base === undefined || base.file !== undefined || !maps.has(base.service) || resolving.has(base.service)) {
      // An `extends` of another file (or of a service not here) is resolved with the files it names (next issue).
      result.partial ||= base !== undefined;
    } else {
      const parent = resolve(base.service);
      result = { settings: mergeMaps(parent.settings, own), partial: result.partial || parent.partial };
    }
    result.partial ||= !member(result.settings, 'image') && !member(result.settings, 'build');
    resolving.delete(name);
    resolved.set(name, result);
    return result;
  };

  return services.members.flatMap((m) => {
    if (m.value.type !== 'map') return [];
    const { settings, partial } = resolve(m.key);
    return [{ name: m.key, keySpan: m.keySpan, file: file.path, settings, own: m.value, partial }];
  });
}

/** `extends: web` or `extends: { service: web, file: base.yaml }`; undefined for no (or an unreadable) extends. */
function extendedService(node: TreeNode | undefined): { service: string; file?: string } | undefined {
  if (!node) return undefined;
  if (node.type === 'scalar') return typeof node.value === 'string' ? { service: node.value } : undefined;
  const service = member(node, 'service')?.value;
  const file = member(node, 'file')?.value;
  if (service?.type !== 'scalar') return undefined;
  return { service: String(service.value), file: file?.type === 'scalar' && file.value !== null ? String(file.value) : undefined };
}
