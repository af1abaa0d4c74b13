/**
 * dockerd's `-H`/`hosts` values, normalised as dockerd does (reference §1.1, §2.3): a bare
 * `host:port` is tcp, the tcp port defaults to 2375 (2376 with TLS), an empty host binds every interface.
 */
import type { DaemonConfig, Setting } from './daemon-config';

export type HostProto = 'tcp' | 'unix' | 'fd' | 'npipe' | 'ssh';

export interface DaemonHostAddress {
  raw: string;
  proto: HostProto | undefined;
  /** For tcp: the host part without brackets ('' = every interface). */
  host?: string;
  port?: number;
  /** tcp bound to 0.0.0.0, ::, or an empty host. */
  allInterfaces: boolean;
  /** tcp bound to a loopback address or localhost. */
  loopback: boolean;
  /** Why dockerd would refuse this value, if it would. */
  invalid?: string;
}

export function parseDaemonHost(raw: string, tlsEnabled = false): DaemonHostAddress {
  const value = raw.trim();
  const sep = value.indexOf('://');
  const proto = sep >= 0 ? value.slice(0, sep) : value.startsWith('/') ? 'unix' : 'tcp';
  const rest = sep >= 0 ? value.slice(sep + 3) : value;
  const base = { raw, allInterfaces: false, loopback: false };
  switch (proto) {
    case 'unix':
    case 'fd':
    case 'npipe':
    case 'ssh':
      return { ...base, proto };
    case 'tcp':
      return parseTcp(rest, tlsEnabled, base);
    default:
      return { ...base, proto: undefined, invalid: `unsupported proto '${proto}'` };
  }
}

function parseTcp(address: string, tlsEnabled: boolean, base: { raw: string; allInterfaces: boolean; loopback: boolean }): DaemonHostAddress {
  const withoutPath = address.replace(/\/.*$/, '');
  let host = withoutPath;
  let portText = '';
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(withoutPath);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2] ?? '';
  } else {
    const colon = withoutPath.lastIndexOf(':');
    if (colon >= 0 && withoutPath.indexOf(':') === colon) {
      host = withoutPath.slice(0, colon);
      portText = withoutPath.slice(colon + 1);
    }
  }
  const port = portText === '' ? (tlsEnabled ? 2376 : 2375) : Number(portText);
  const allInterfaces = host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
  const loopback = host === 'localhost' || /^127\./.test(host) || host === '::1';
  const invalid = Number.isInteger(port) && port >= 0 && port <= 65535 ? undefined : `invalid port '${portText}'`;
  return { ...base, proto: 'tcp', host, port, allInterfaces, loopback, invalid };
}

/** One `hosts` entry of the effective configuration, parsed, with the setting that writes it. */
export interface ConfiguredHost {
  setting: Setting;
  address: DaemonHostAddress;
}

/** The tcp listeners dockerd would open (entries it would refuse are DG003's, not counted here). */
export function tcpHosts(config: DaemonConfig): ConfiguredHost[] {
  let hosts = tcpHostsByConfig.get(config);
  if (!hosts) tcpHostsByConfig.set(config, (hosts = findTcpHosts(config)));
  return hosts;
}

/** Several rules ask for one host's tcp listeners on every lint; a config is complete once linting starts. */
const tcpHostsByConfig = new WeakMap<DaemonConfig, ConfiguredHost[]>();

function findTcpHosts(config: DaemonConfig): ConfiguredHost[] {
  const tls = config.tlsEnabled();
  return config.items('hosts')
    .filter((setting): setting is Setting & { value: string } => typeof setting.value === 'string')
    .map((setting) => ({ setting, address: parseDaemonHost(setting.value, tls) }))
    .filter(({ address }) => address.proto === 'tcp' && !address.invalid);
}
