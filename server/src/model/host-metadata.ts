/**
 * A host as host mode examined it: the facts lstat gave of each path the DG5xx checks need, the
 * root's own accounts, mount table and installed packages, and the dockerd configuration that names some of
 * those paths (TLS files, data-root, sockets). Which paths those are is decided here once, for host
 * mode (which examines them) and for the rules (which judge them) alike.
 */
import type { Machine } from '../engine/machine';
import type { Location } from '../engine/types';
import type { GroupEntry, PasswdEntry } from '../formats/host-facts/accounts';
import type { DpkgPackage } from '../formats/host-facts/dpkg-status';
import type { MountEntry } from '../formats/host-facts/mounts';
import { FACTS_FILE, type HostFactsFile, type PathFact } from '../formats/host-facts/parse';
import type { Setting } from './daemon-config';
import { isPathListener } from './docker-socket';
import type { DaemonHost } from './host';
import { originLocation } from './origin';

/** Paths every host is examined at, whatever its configuration. */
export const FIXED_PATHS = ['/etc/docker', '/run/containerd/containerd.sock'];
export const ACCOUNT_FILES = { passwd: '/etc/passwd', group: '/etc/group' };
/** dpkg's database of installed packages (the engine's version, DG511). */
export const DPKG_STATUS = '/var/lib/dpkg/status';
export const CERTS_D = '/etc/docker/certs.d';
const DEFAULT_DATA_ROOT = '/var/lib/docker';
const DEFAULT_CONTAINERD_SOCKET = '/run/containerd/containerd.sock';

/** A path named by the daemon's configuration, with the setting that names it (absent: the default). */
export interface NamedPath {
  path: string;
  setting?: Setting;
}

export type TlsKey = 'tlscacert' | 'tlscert' | 'tlskey';
const TLS_KEYS: TlsKey[] = ['tlscacert', 'tlscert', 'tlskey'];

/** The TLS files dockerd loads: the explicit paths, when TLS is on (the defaults in ~/.docker are the daemon user's). */
export function tlsFiles(daemon: DaemonHost | undefined): (NamedPath & { key: TlsKey })[] {
  if (!daemon?.config.tlsEnabled()) return [];
  return TLS_KEYS.flatMap((key) => {
    const setting = daemon.config.get(key);
    return setting && typeof setting.value === 'string' && setting.value.startsWith('/') ? [{ key, path: setting.value, setting }] : [];
  });
}

export function dataRoot(daemon: DaemonHost | undefined): NamedPath {
  const setting = daemon?.config.get('data-root');
  return setting && typeof setting.value === 'string' && setting.value.startsWith('/') ? { path: setting.value.replace(/(.)\/+$/, '$1'), setting } : { path: DEFAULT_DATA_ROOT };
}

/**
 * The unix sockets of the daemon: those `hosts` names (default /var/run/docker.sock) and, for
 * `fd://`, those docker.socket creates (its ListenStream= paths).
 */
export function dockerSockets(daemon: DaemonHost | undefined): NamedPath[] {
  const items = daemon?.config.items('hosts') ?? [];
  const named: NamedPath[] = items.flatMap((setting) => (typeof setting.value === 'string' && setting.value.startsWith('unix://') ? [{ path: setting.value.slice('unix://'.length), setting }] : []));
  const activated = items.some((setting) => typeof setting.value === 'string' && setting.value.startsWith('fd://'));
  if (activated) for (const entry of daemon?.socket?.listenStreams ?? []) if (isPathListener(entry.directive.value.text)) named.push({ path: entry.directive.value.text });
  return items.length > 0 ? named : [{ path: '/var/run/docker.sock' }];
}

export function containerdSocket(daemon: DaemonHost | undefined): NamedPath {
  const setting = daemon?.config.get('containerd');
  return setting && typeof setting.value === 'string' && setting.value.startsWith('/') ? { path: setting.value, setting } : { path: DEFAULT_CONTAINERD_SOCKET };
}

/** The paths whose metadata host mode examines for a host with this configuration. */
export function examinedPaths(daemon: DaemonHost | undefined): string[] {
  return [...FIXED_PATHS, ...tlsFiles(daemon).map((f) => f.path), ...dockerSockets(daemon).map((s) => s.path), containerdSocket(daemon).path];
}

export interface HostMetadata {
  /** The machine root (`/tmp/x/`, or `/` on a live host). */
  root: string;
  live: boolean;
  /** The day the host was examined (`YYYY-MM-DD`). */
  examined: string;
  /** Facts by the path as the host names it. */
  facts: ReadonlyMap<string, PathFact>;
  /** The project path of a host path (`/etc/group` → `<root>etc/group`): where a finding about it goes. */
  fileOf(path: string): string;
  /** The host path of a project path (`<root>etc/group` → `/etc/group`). */
  hostPathOf(file: string): string;
  /** A finding at the start of the file a host path names. */
  at(path: string): Location;
  passwd?: { file: HostFactsFile; entries: PasswdEntry[] };
  group?: { file: HostFactsFile; entries: GroupEntry[] };
  mounts?: { file: HostFactsFile; entries: MountEntry[] };
  packages?: { file: HostFactsFile; entries: DpkgPackage[] };
  masked: string[];
  /** On a live host, the running dockerd's pid and command line. */
  running?: { pid: number; args: string[] };
  /** dockerd's data-root as the host resolves it. */
  dataRoot?: string;
  /** The dockerd host of the machine, when its configuration was found. */
  daemon?: DaemonHost;
  /** Where a rule that fails is reported (DG000): a file the user sees, never the facts file itself. */
  failureFile: string;
}

/** The dockerd of a machine's hosts: the one systemd runs (or an env file starts), else the one daemon.json. */
export function mainDaemon(hosts: readonly DaemonHost[]): DaemonHost | undefined {
  return hosts.find((h) => h.service?.command || h.command) ?? hosts[0];
}

/** The machine's host metadata, when host mode made it (never in a workspace). */
export function hostMetadata(machine: Machine, daemon: DaemonHost | undefined): HostMetadata | undefined {
  const files = machine.filesOf<HostFactsFile>('host-facts');
  const factsFile = files.find((f) => f.facts !== undefined && f.path === machine.root + FACTS_FILE);
  if (!factsFile?.facts) return undefined;
  const root = machine.root;
  const fileOf = (path: string) => root + path.replace(/^\/+/, '');
  const byPath = (path: string) => files.find((f) => f.path === fileOf(path));
  const passwd = byPath(ACCOUNT_FILES.passwd);
  const group = byPath(ACCOUNT_FILES.group);
  const mounts = factsFile.facts.mountTable ? byPath(factsFile.facts.mountTable) : undefined;
  const dpkg = byPath(DPKG_STATUS);
  return {
    root,
    live: factsFile.facts.live,
    examined: factsFile.facts.examined,
    facts: new Map(factsFile.facts.paths.map((fact) => [fact.path, fact])),
    fileOf,
    hostPathOf: (file) => `/${file.slice(root.length)}`,
    at: (path) => ({ file: fileOf(path), span: { start: 0, end: 0 } }),
    passwd: passwd?.passwd && { file: passwd, entries: passwd.passwd },
    group: group?.group && { file: group, entries: group.group },
    mounts: mounts?.mounts && { file: mounts, entries: mounts.mounts },
    packages: dpkg?.packages && { file: dpkg, entries: dpkg.packages },
    masked: factsFile.facts.masked,
    dataRoot: factsFile.facts.dataRoot,
    running: factsFile.facts.running,
    daemon,
    failureFile: daemon?.anchor?.file ?? daemon?.files[0] ?? files.find((f) => f !== factsFile)?.path ?? factsFile.path,
  };
}

/** Where a finding about a path the configuration names goes: the setting, else the path's own file. */
export function namedLocation(host: HostMetadata, named: NamedPath): Location {
  return named.setting ? originLocation(named.setting.origin) : host.at(named.path);
}
