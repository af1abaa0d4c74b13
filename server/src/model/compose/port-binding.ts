/**
 * Where Docker binds a service's published port that names no host address: its network's
 * `com.docker.network.bridge.host_binding_ipv4`. On the default bridge (`network_mode: bridge`)
 * that is the daemon's `"ip"`; a Compose network is a user-defined bridge, created with its
 * `driver_opts`, else the daemon's `default-network-opts` for the bridge driver, and never the
 * daemon's `"ip"` (moby#18237, docker/for-linux#370).
 */
import type { RelatedInformation } from '../../engine/types';
import { member, type TreeNode } from '../../formats/compose/yaml-tree';
import type { Setting } from '../daemon-config';
import type { DaemonHost } from '../host';
import { daemonRelated, daemonSetting } from './daemon-link';
import type { ComposeModel, Service } from './services';
import { entriesOf, literalOf, setting } from './values';

export const HOST_BINDING = 'com.docker.network.bridge.host_binding_ipv4';
const EVERY_INTERFACE = new Set(['', '0.0.0.0', '::']);

export type DefaultBinding =
  /** Bound to one address: the port is not on every interface. */
  | { kind: 'bound' }
  /** On every interface; `ignoredIp` is the daemon's "ip" when it would have bound a default-bridge port. */
  | { kind: 'everywhere'; ignoredIp?: Setting }
  /** Not known from the files (an interpolated driver or option): never a finding. */
  | { kind: 'unknown' };

export function defaultBinding({ file, daemon }: ComposeModel, service: Service): DefaultBinding {
  const daemonIp = bindingAddress(daemonSetting(daemon, 'ip').setting?.value);
  if (literalOf(setting(service, 'network_mode')?.value) === 'bridge') return daemonIp ? { kind: 'bound' } : { kind: 'everywhere' };
  const names = networkNames(setting(service, 'networks')?.value);
  const declared = member(file.root, 'networks')?.value;
  const bindings = names.map((name) => networkBinding(member(declared, name)?.value, daemon));
  if (bindings.includes('unknown')) return { kind: 'unknown' };
  if (bindings.length > 0 && bindings.every((b) => b === 'bound')) return { kind: 'bound' };
  return { kind: 'everywhere', ignoredIp: daemonIp ? daemonSetting(daemon, 'ip').setting : undefined };
}

/** The related information for a daemon "ip" that Compose's networks ignore. */
export function ignoredIpRelated(ip: Setting): RelatedInformation[] {
  return daemonRelated(ip, 'the daemon sets "ip" here, for the default bridge\'s ports only');
}

/** The networks a service joins: its `networks` list or mapping, else the project's `default`. */
function networkNames(node: TreeNode | undefined): string[] {
  return node ? entriesOf(node).map((e) => e.name) : ['default'];
}

/**
 * How a Compose network binds ports: its own driver option, else the daemon's default for new bridge
 * networks. An external network is judged as `docker network create` makes one: with that default.
 */
function networkBinding(network: TreeNode | undefined, daemon: DaemonHost | undefined): 'bound' | 'everywhere' | 'unknown' {
  const driver = member(network, 'driver');
  const driverName = driver ? literalOf(driver.value) : 'bridge';
  if (driverName === undefined) return 'unknown';
  if (driverName !== 'bridge') return 'everywhere';
  const option = member(member(network, 'driver_opts')?.value, HOST_BINDING);
  if (option) {
    const text = literalOf(option.value);
    return text === undefined ? 'unknown' : bindingAddress(text) ? 'bound' : 'everywhere';
  }
  return bindingAddress(daemonBridgeDefault(daemon)) ? 'bound' : 'everywhere';
}

/** The daemon's `default-network-opts` host binding for new bridge networks (the last source that sets it). */
function daemonBridgeDefault(daemon: DaemonHost | undefined): unknown {
  let value: unknown;
  for (const source of daemon?.config.all('default-network-opts') ?? []) {
    for (const driver of source.members ?? []) {
      const options = driver.value;
      if (driver.key === 'bridge' && options && typeof options === 'object' && !Array.isArray(options) && HOST_BINDING in options) value = options[HOST_BINDING];
    }
  }
  return value;
}

/** A single address ports are bound to, or undefined for every interface (and for anything else). */
function bindingAddress(value: unknown): string | undefined {
  return typeof value === 'string' && !EVERY_INTERFACE.has(value.trim()) ? value.trim() : undefined;
}
