/**
 * A service's published ports in every syntax Compose takes: short (`"80"`, `"8080:80"`,
 * `"127.0.0.1:8080:80"`, `"[::1]:80:80"`, `"::1:80:80"`, ranges, `/udp`), a bare number, and long
 * (`target`, `published`, `host_ip`). Split as docker's nat.ParsePortSpec does, from the right.
 */
import { UNKNOWN } from '../../formats/compose/interpolation';
import type { TreeMember, TreeNode } from '../../formats/compose/yaml-tree';
import { member } from '../../formats/compose/yaml-tree';
import type { Service } from './services';
import { readItemsOnce, textOf } from './values';

export interface PublishedPort {
  /** The list item. */
  node: TreeNode;
  /** The host address as written (interpolated); undefined when none is given. */
  hostIp?: string;
  /** The long syntax's `host_ip` pair, if any. */
  hostIpMember?: TreeMember;
  /** The host port or range (`8000-8010`); '' or undefined for an ephemeral port. */
  hostPort?: string;
  containerPort: string;
  long: boolean;
}

const EVERY_INTERFACE = new Set(['', '0.0.0.0', '::']);

/** True when the port is reachable on every host interface (no host IP, or `0.0.0.0` / `::`); false when unknown. */
export function onEveryInterface(port: PublishedPort): boolean {
  return port.hostIp === undefined || EVERY_INTERFACE.has(port.hostIp);
}

/** Each `ports` node's ports: DG317 and DG318 both read them, once per parse. */
const portsCache = new WeakMap<TreeNode, PublishedPort[]>();

export function publishedPorts(service: Service): PublishedPort[] {
  return readItemsOnce(portsCache, service, 'ports', (node) => (node.type === 'map' ? longPort(node) : shortPort(node)));
}

function shortPort(node: TreeNode): PublishedPort | undefined {
  const text = textOf(node);
  // A wholly interpolated item (`- ${PORTS}`) could be anything.
  if (text === undefined || text === UNKNOWN || text.trim() === '') return undefined;
  const spec = text.replace(/\/[^/:]*$/, '');
  let hostIp: string | undefined;
  let rest = spec;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(spec);
  if (bracket) {
    hostIp = bracket[1];
    rest = bracket[2];
  }
  const parts = rest.split(':');
  const containerPort = parts[parts.length - 1];
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (!bracket && parts.length >= 3) hostIp = parts.slice(0, -2).join(':').replace(/^\[(.*)\]$/, '$1');
  if (hostIp?.includes(UNKNOWN)) return undefined; // the address is the environment's: unknown
  return { node, hostIp, hostPort, containerPort, long: false };
}

function longPort(node: TreeNode): PublishedPort | undefined {
  const target = textOf(member(node, 'target')?.value);
  if (target === undefined) return undefined;
  const hostIpMember = member(node, 'host_ip');
  const hostIp = hostIpMember ? textOf(hostIpMember.value) : undefined;
  if (hostIp?.includes(UNKNOWN)) return undefined;
  return { node, hostIp, hostIpMember, hostPort: textOf(member(node, 'published')?.value), containerPort: target, long: true };
}

/** The lowest host port of a known port or range (`8000-8010` → 8000); undefined when unknown or ephemeral. */
export function lowestHostPort(port: PublishedPort): number | undefined {
  const match = /^(\d+)(?:-\d+)?$/.exec(port.hostPort ?? '');
  return match ? Number(match[1]) : undefined;
}
