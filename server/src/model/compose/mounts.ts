/**
 * A service's mounts in every syntax Compose takes: short volumes (`/src:/dst:ro,rshared`, `./src:/dst`,
 * `name:/dst`, `/dst`), long volumes (`type`, `source`, `target`, `read_only`, `bind.propagation`) and
 * `tmpfs` (`/run:size=64m,exec`). A short source is a host path when it starts with `/`, `.`, `~`, a
 * Windows drive or an interpolated prefix (`${HOME}/x`); otherwise it names a volume, as in compose-go.
 */
import { UNKNOWN } from '../../formats/compose/interpolation';
import { member, type TreeMember, type TreeNode } from '../../formats/compose/yaml-tree';
import type { Service } from './services';
import { booleanOf, itemsOf, readItemsOnce, setting, textOf } from './values';

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'other';

export interface Mount {
  /** The list item. */
  node: TreeNode;
  type: MountType;
  /** The host path (bind) or volume name, interpolated; undefined for an anonymous volume. */
  source?: string;
  target?: string;
  readOnly: boolean;
  /** `shared`, `rslave` … from the short mode or `bind.propagation`. */
  propagation?: string;
  long: boolean;
  /** The long syntax's `read_only` pair, if any. */
  readOnlyMember?: TreeMember;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

/** Each `volumes` node's mounts: several rules read them, once per parse. */
const mountsCache = new WeakMap<TreeNode, Mount[]>();

export function mountsOf(service: Service): Mount[] {
  return readItemsOnce(mountsCache, service, 'volumes', (node) => (node.type === 'map' ? longMount(node) : shortMount(node)));
}

/** `src:dst:mode` split on colons, a Windows drive letter (`C:\data`) kept with its path. */
function splitVolume(text: string): string[] {
  const parts: string[] = [];
  for (const part of text.split(':')) {
    const previous = parts[parts.length - 1];
    if (previous !== undefined && /^[a-zA-Z]$/.test(previous) && parts.length === 1 && /^[\\/]/.test(part)) parts[0] = `${previous}:${part}`;
    else parts.push(part);
  }
  return parts;
}

/** `/x`, `./x`, `../x`, `~/x`, `C:\\x`, `\\\\server\\x`, `${DIR}/x`. */
const HOST_PATH = /^([/.~]|[a-zA-Z]:[\\/]|\\\\|\u0000+[/\\])/;
/** A source that is exactly a directory variable (`${HOME}:/home`). */
const DIRECTORY_VARIABLE = /^\$\{?(HOME|PWD)\b/;

function shortMount(node: TreeNode): Mount | undefined {
  const text = textOf(node);
  if (text === undefined || text === UNKNOWN) return undefined;
  const parts = splitVolume(text);
  if (parts.length === 1) return { node, type: 'volume', target: parts[0], readOnly: false, long: false };
  const [source, target, mode = ''] = parts;
  const bind = HOST_PATH.test(source) || (node.type === 'scalar' && typeof node.value === 'string' && DIRECTORY_VARIABLE.test(node.value));
  if (source === UNKNOWN && !bind) return undefined; // a host path or a volume name: the environment's
  const options = mode.split(',');
  return {
    node,
    type: bind ? 'bind' : 'volume',
    source,
    target,
    readOnly: options.includes('ro'),
    propagation: options.find((o) => PROPAGATIONS.has(o)),
    long: false,
  };
}

function longMount(node: TreeNode): Mount | undefined {
  const type = textOf(member(node, 'type')?.value);
  const readOnlyMember = member(node, 'read_only');
  return {
    node,
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    source: textOf(member(node, 'source')?.value),
    target: textOf(member(node, 'target')?.value),
    readOnly: booleanOf(readOnlyMember?.value) === true,
    propagation: textOf(member(member(node, 'bind')?.value, 'propagation')?.value),
    long: true,
    readOnlyMember,
  };
}

/** A host path with `//`, `/./` and trailing slashes removed: `/etc/` is `/etc`. */
export function normalizeHostPath(path: string): string {
  const normalized = path.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '').replace(/(.)\/$/, '$1');
  return normalized === '' ? '/' : normalized;
}

export interface TmpfsMount {
  node: TreeNode;
  target: string;
  options: string[];
}

/** The service-level `tmpfs` entries (`/run` or `/run:size=64m,exec`). */
export function tmpfsMounts(service: Service): TmpfsMount[] {
  return itemsOf(setting(service, 'tmpfs')?.value).flatMap((node) => {
    const text = textOf(node);
    if (text === undefined || text === UNKNOWN) return [];
    const colon = text.indexOf(':');
    return [{ node, target: colon < 0 ? text : text.slice(0, colon), options: colon < 0 ? [] : text.slice(colon + 1).split(',') }];
  });
}
