/**
 * Every daemon.json key and dockerd flag that dockerd 29 knows on Linux (reference §1.1–1.5, §1.7):
 * the single source of truth for the JSON Schema, the dockerd flag parser, DG002's suggestions and
 * the editor's hover and completion.
 *
 * One entry per daemon.json key. `flags` are the command-line names that set it (long first, then
 * the shorthand); `flagValue` says how a command-line parser reads the flag's value:
 *   bool     `--icc` is true, `--icc=false` sets it (a value only with `=`)
 *   string   `--log-level debug`, `--log-level=debug`, `-ldebug`
 *   int      `--mtu 1450` (Go's ParseInt with base prefixes: 0x, 0o, 0b)
 *   list     repeatable; each occurrence appends one JSON array element (`-H a -H b`)
 *   map      repeatable `name=value`; each occurrence adds one member to the JSON object
 *            (`--log-opt max-size=10m`; `--default-ulimit nofile=1024:2048` → {Name, Soft, Hard};
 *            `--add-runtime name=path` → {path}; `--feature name[=bool]`;
 *            `--default-network-opt driver=key=value` → {driver: {key: value}})
 *   csv-map  one value of comma-separated `k=v` pairs making one object (`--nri-opts enable=true,…`);
 *            repeatable when the key's JSON value is an array (`--default-address-pool base=…,size=24`)
 * A flag that sets a member of another key names it in `memberOf` (`--http-proxy` → `proxies.http-proxy`).
 * `file: 'ignored'` marks keys dockerd accepts in daemon.json but never reads (not unknown, no effect).
 * Removed keys (`graph`, `cluster-store` …) are not here: dockerd rejects them; see lifecycle.ts.
 */
import type { JsonValue } from './daemon-config';

export type { FlagValueKind } from '../formats/systemd/dockerd-flags';
import type { FlagValueKind } from '../formats/systemd/dockerd-flags';

/** A JSON Schema (draft-07) fragment for one value. */
export type JsonSchema = { [keyword: string]: JsonValue | JsonSchema | undefined };

export interface DaemonOption {
  /** The daemon.json key (for a flag-only entry, the flag's long name without dashes). */
  key: string;
  /** The dockerd flags that set it, with dashes: long name first, then the shorthand. [] = file-only. */
  flags: readonly string[];
  /** How a command-line parser reads the flag's value; absent for file-only keys. */
  flagValue?: FlagValueKind;
  /** 'read' (the default): dockerd acts on the key; 'ignored': accepted in daemon.json, nothing reads it. */
  file?: 'read' | 'ignored';
  /** The flag sets a member of this key instead of a top-level key (`--http-proxy` → `proxies`). */
  memberOf?: string;
  /** A flag that dockerd still parses but warns about (`--restart`). */
  deprecatedFlag?: boolean;
  /** A flag hidden from `dockerd --help`. */
  hidden?: boolean;
  /** dockerd's default when the key is absent (only where it is a fixed value). */
  default?: JsonValue;
  /** One paragraph for a user hovering the key. */
  description: string;
  /** Reloaded on SIGHUP (reference §2.5); otherwise a restart is needed. */
  reloads?: boolean;
  /** The first release with it, for keys added in 28.x/29.x. */
  since?: string;
  /** The JSON Schema of the value (without description and default: the schema build adds them). */
  schema: JsonSchema;
}

const string: JsonSchema = { type: 'string' };
const boolean: JsonSchema = { type: 'boolean' };
// dockerd reads integers into Go's 64-bit int: a larger number stops it ("cannot unmarshal number").
// (2^63 − 1 is not a double; the bounds round to ±2^63, which only lets 2^63 itself through.)
export const GO_INT_MAX = 2 ** 63 - 1;
const integer: JsonSchema = { type: 'integer', minimum: -GO_INT_MAX, maximum: GO_INT_MAX };
const nonNegative: JsonSchema = { type: 'integer', minimum: 0, maximum: GO_INT_MAX };
const strings: JsonSchema = { type: 'array', items: { type: 'string' } };
const keyValueStrings: JsonSchema = { type: 'array', items: { type: 'string', pattern: '=', patternErrorMessage: "must be formatted 'key=value'" } };
/**
 * dockerd's ValidateMirror: an http:// or https:// URL (Go lowercases the scheme) without
 * credentials, query or fragment; anything else stops the daemon ("invalid mirror").
 */
const REGISTRY_MIRRORS: JsonSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[hH][tT][tT][pP][sS]?://[^/?#@]+(/[^?#]*)?$', patternErrorMessage: 'must be an http:// or https:// URL without credentials, query or fragment (dockerd refuses any other mirror and does not start)' },
};
const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

/** Values dockerd compares case-insensitively: a pattern accepts any case, `examples` list them. */
function anyCase(values: string[]): JsonSchema {
  const letters = (v: string) => [...v].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return { type: 'string', pattern: `^(${values.map(letters).join('|')})$`, examples: values, patternErrorMessage: `must be one of ${values.map((v) => `"${v}"`).join(', ')} (any case)` };
}

const LOG_OPTS: JsonSchema = {
  type: 'object',
  properties: {
    'max-size': { type: 'string', description: 'json-file/local: size at which a log file is rotated (e.g. "10m"); json-file default: unlimited.' },
    'max-file': { type: 'string', description: 'json-file/local: how many rotated files to keep, as a string ("3").' },
    'compress': { type: 'string', description: 'json-file/local: "true" compresses rotated files.' },
    'mode': { type: 'string', enum: ['blocking', 'non-blocking'], description: 'How log messages are delivered: "blocking" (default) or "non-blocking" (uses max-buffer-size).' },
    'max-buffer-size': { type: 'string', description: 'Buffer size for non-blocking mode (e.g. "4m").' },
  },
  additionalProperties: { type: 'string' },
};

const ULIMIT: JsonSchema = {
  type: 'object',
  properties: { Name: string, Soft: integer, Hard: integer },
};

const RUNTIME: JsonSchema = {
  type: 'object',
  properties: { path: string, runtimeArgs: strings, runtimeType: string, options: { type: 'object' } },
};

const ADDRESS_POOL: JsonSchema = {
  type: 'object',
  properties: { base: { type: 'string', description: 'The pool, in CIDR notation (e.g. "10.10.0.0/16").' }, size: { type: 'integer', minimum: 0, maximum: 128, description: 'Prefix length of each network taken from the pool.' } },
  required: ['base', 'size'],
};

const GC_POLICY: JsonSchema = {
  type: 'object',
  properties: { All: boolean, Filter: strings, ReservedSpace: string, MaxUsedSpace: string, MinFreeSpace: string, KeepStorage: string },
};

/** BuildKit's settings. Go matches member names case-insensitively and ignores unknown ones. */
const BUILDER: JsonSchema = {
  type: 'object',
  properties: {
    GC: {
      type: 'object',
      properties: { Enabled: boolean, DefaultReservedSpace: string, DefaultMaxUsedSpace: string, DefaultMinFreeSpace: string, DefaultKeepStorage: string, Policy: { type: 'array', items: GC_POLICY } },
    },
    Entitlements: { type: 'object', properties: { 'network-host': boolean, 'security-insecure': boolean, 'device': boolean } },
    History: { type: 'object', properties: { MaxAge: string, MaxEntries: integer } },
  },
};

const FEATURES: JsonSchema = {
  type: 'object',
  properties: {
    'containerd-snapshotter': { type: 'boolean', description: 'The containerd image store (the default since 29.0); false selects the classic graph drivers.' },
    'containerd-migration': { type: 'boolean', description: 'Migrate graph-driver images into the containerd image store.' },
    'cdi': { type: 'boolean', description: 'false disables CDI devices (on by default).' },
    'buildkit': { type: 'boolean', description: 'false makes the classic builder the API default.' },
    'embedded-containerd': { type: 'boolean', description: 'Run the embedded containerd even when --containerd is given; refused together with cri-containerd.' },
    'swarm-nftables': { type: 'boolean', description: 'Allow Swarm mode with "firewall-backend": "nftables" (29.6+).' },
    'time-namespaces': { type: 'boolean', description: 'Time namespace support (29.5+).' },
  },
  additionalProperties: { type: 'boolean' },
};

const NRI_OPTS: JsonSchema = {
  type: 'object',
  properties: { 'enable': boolean, 'plugin-path': string, 'plugin-config-path': string, 'socket-path': string },
  additionalProperties: false,
};

const PROXIES: JsonSchema = {
  type: 'object',
  properties: {
    'http-proxy': { type: 'string', description: 'Proxy for HTTP requests of the daemon (image pulls and pushes).' },
    'https-proxy': { type: 'string', description: 'Proxy for HTTPS requests of the daemon.' },
    'no-proxy': { type: 'string', description: 'Comma-separated hosts the daemon reaches without the proxy.' },
  },
  additionalProperties: false,
};

export const DAEMON_OPTIONS: readonly DaemonOption[] = [
  // §1.1 API, process, daemon logging
  { key: 'hosts', flags: ['--host', '-H'], flagValue: 'list', default: ['unix:///var/run/docker.sock'], schema: strings, description: 'The sockets the Docker API listens on: unix:///path, tcp://host:port, fd:// (systemd socket activation). A tcp socket without TLS verification hands root on the host to anyone who reaches it. The stock docker.service passes -H fd://, so a "hosts" key conflicts with it.' },
  { key: 'tls', flags: ['--tls'], flagValue: 'bool', default: false, schema: boolean, description: 'Serve the API over TLS. Implied by "tlsverify"; with "tls" alone, clients are still verified.' },
  { key: 'tlsverify', flags: ['--tlsverify'], flagValue: 'bool', default: false, schema: boolean, description: 'Serve TLS and require client certificates signed by "tlscacert". Setting it at all (even false) turns TLS on.' },
  { key: 'tlscacert', flags: ['--tlscacert'], flagValue: 'string', schema: string, description: 'CA certificate that client certificates must be signed by. Defaults to ~/.docker/ca.pem of the daemon user.' },
  { key: 'tlscert', flags: ['--tlscert'], flagValue: 'string', schema: string, description: "The daemon's TLS certificate. Defaults to ~/.docker/cert.pem of the daemon user." },
  { key: 'tlskey', flags: ['--tlskey'], flagValue: 'string', schema: string, description: "The daemon's TLS private key. Defaults to ~/.docker/key.pem of the daemon user." },
  { key: 'group', flags: ['--group', '-G'], flagValue: 'string', default: 'docker', schema: string, description: 'Group owning the unix socket dockerd creates itself; its members control the daemon (root-equivalent).' },
  { key: 'pidfile', flags: ['--pidfile', '-p'], flagValue: 'string', default: '/var/run/docker.pid', schema: string, description: "Path of the daemon's PID file." },
  { key: 'data-root', flags: ['--data-root'], flagValue: 'string', default: '/var/lib/docker', schema: string, description: 'Where images, containers and volumes are stored (the successor of the removed "graph").' },
  { key: 'exec-root', flags: ['--exec-root'], flagValue: 'string', default: '/var/run/docker', schema: string, description: 'Root directory for execution state files.' },
  { key: 'debug', flags: ['--debug', '-D'], flagValue: 'bool', default: false, reloads: true, schema: boolean, description: 'Debug mode: verbose daemon logs (CIS 2.3 asks for "info").' },
  { key: 'log-level', flags: ['--log-level', '-l'], flagValue: 'string', default: 'info', schema: anyCase(['panic', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']), description: "The daemon's own log level: panic, fatal, error, warn, info (default), debug, trace." },
  { key: 'log-format', flags: ['--log-format'], flagValue: 'string', default: 'text', schema: { type: 'string', enum: ['text', 'json'] }, description: "Format of the daemon's own logs: text (default) or json." },
  { key: 'raw-logs', flags: ['--raw-logs'], flagValue: 'bool', default: false, schema: boolean, description: 'Full timestamps without ANSI coloring in the daemon logs.' },
  { key: 'experimental', flags: ['--experimental'], flagValue: 'bool', default: false, schema: boolean, description: 'Enable experimental features (CIS 2.18: not for production).' },
  { key: 'metrics-addr', flags: ['--metrics-addr'], flagValue: 'string', schema: string, description: 'host:port serving Prometheus metrics (unauthenticated).' },
  { key: 'authorization-plugins', flags: ['--authorization-plugin'], flagValue: 'list', reloads: true, schema: strings, description: 'Authorization plugins that approve or deny each API request (CIS 2.12).' },
  { key: 'features', flags: ['--feature'], flagValue: 'map', reloads: true, schema: FEATURES, description: 'Feature switches by name (containerd-snapshotter, cdi, buildkit …), each true or false.' },
  { key: 'min-api-version', flags: [], default: '1.40', since: '29.0', schema: { type: 'string', pattern: '^\\d+\\.\\d+$', patternErrorMessage: 'must be an API version like "1.40" (no "v")' }, description: 'Oldest API version clients may use (1.24 up to the current version); file-only, or the DOCKER_MIN_API_VERSION environment variable.' },
  { key: 'containerd', flags: ['--containerd'], flagValue: 'string', schema: string, description: "containerd's socket; when empty dockerd runs its own containerd. The stock docker.service passes --containerd." },
  { key: 'containerd-namespace', flags: ['--containerd-namespace'], flagValue: 'string', default: 'moby', schema: string, description: 'containerd namespace for containers and images; must differ from the plugins namespace.' },
  { key: 'containerd-plugins-namespace', flags: ['--containerd-plugins-namespace'], flagValue: 'string', file: 'ignored', default: 'plugins.moby', schema: string, description: 'containerd namespace for plugins. In daemon.json it passes validation but is not read (dockerd decodes the singular "containerd-plugin-namespace", which the unknown-key check rejects): use the flag.' },
  { key: 'cri-containerd', flags: ['--cri-containerd'], flagValue: 'bool', default: false, schema: boolean, description: 'Start containerd with the CRI plugin enabled.' },
  { key: 'rootless', flags: ['--rootless'], flagValue: 'bool', schema: boolean, description: 'Rootless mode (on by default when dockerd runs under RootlessKit).' },
  { key: 'live-restore', flags: ['--live-restore'], flagValue: 'bool', default: false, reloads: true, schema: boolean, description: 'Keep containers running while dockerd restarts or upgrades (CIS 2.15). Refused by swarm init/join.' },
  { key: 'shutdown-timeout', flags: ['--shutdown-timeout'], flagValue: 'int', default: 15, reloads: true, schema: integer, description: 'Seconds dockerd waits for containers to stop at shutdown.' },
  { key: 'default-stop-timeout', flags: ['--default-stop-timeout'], flagValue: 'int', default: 10, reloads: true, since: '29.7', schema: nonNegative, description: 'Default seconds a container gets to stop before it is killed.' },
  { key: 'max-concurrent-downloads', flags: ['--max-concurrent-downloads'], flagValue: 'int', default: 3, reloads: true, schema: nonNegative, description: 'Maximum concurrent layer downloads per pull.' },
  { key: 'max-concurrent-uploads', flags: ['--max-concurrent-uploads'], flagValue: 'int', default: 5, reloads: true, schema: nonNegative, description: 'Maximum concurrent layer uploads per push.' },
  { key: 'max-download-attempts', flags: ['--max-download-attempts'], flagValue: 'int', default: 5, reloads: true, schema: nonNegative, description: 'Maximum attempts per layer download.' },
  { key: 'labels', flags: ['--label'], flagValue: 'list', reloads: true, schema: keyValueStrings, description: 'Daemon labels, each "key=value" (prefixes com.docker., io.docker., org.dockerproject. are reserved).' },
  { key: 'swarm-default-advertise-addr', flags: ['--swarm-default-advertise-addr'], flagValue: 'string', schema: string, description: 'Default address or interface for swarm advertised addresses.' },
  { key: 'node-generic-resources', flags: ['--node-generic-resource'], flagValue: 'list', schema: keyValueStrings, description: 'Advertised generic resources of the node, each NAME=value or NAME=UUID.' },
  { key: 'network-diagnostic-port', flags: ['--network-diagnostic-port'], flagValue: 'int', hidden: true, default: 0, reloads: true, schema: { type: 'integer', minimum: 0, maximum: 65535 }, description: 'Port of the network diagnostic server (0 = off).' },
  { key: 'cdi-spec-dirs', flags: ['--cdi-spec-dir'], flagValue: 'list', default: ['/etc/cdi', '/var/run/cdi'], schema: strings, description: 'Directories searched for CDI device specifications; [""] disables CDI.' },
  { key: 'nri-opts', flags: ['--nri-opts'], flagValue: 'csv-map', reloads: true, since: '29.2', schema: NRI_OPTS, description: 'Node Resource Interface: enable, plugin-path, plugin-config-path, socket-path (off by default).' },
  { key: 'builder', flags: [], schema: BUILDER, description: 'BuildKit settings (file-only): GC (garbage collection of the build cache), Entitlements, History. Member names match in any case.' },

  // §1.2 Container defaults, storage, runtimes
  { key: 'storage-driver', flags: ['--storage-driver', '-s'], flagValue: 'string', schema: string, description: 'Storage driver (overlay2, fuse-overlayfs, btrfs, zfs, vfs) or, with the containerd image store, a snapshotter (overlayfs, native …). Chosen automatically when unset.' },
  { key: 'storage-opts', flags: ['--storage-opt'], flagValue: 'list', schema: keyValueStrings, description: 'Storage driver options, each "name=value" (overlay2.size=…, btrfs.min_space=…); an unknown one stops dockerd.' },
  { key: 'exec-opts', flags: ['--exec-opt'], flagValue: 'list', schema: keyValueStrings, description: 'Runtime execution options; on Linux only native.cgroupdriver=cgroupfs|systemd.' },
  { key: 'default-runtime', flags: ['--default-runtime'], flagValue: 'string', default: 'runc', reloads: true, schema: string, description: 'OCI runtime for containers: runc, io.containerd.runc.v2, a key of "runtimes", or a containerd shim name.' },
  { key: 'runtimes', flags: ['--add-runtime'], flagValue: 'map', reloads: true, schema: { type: 'object', additionalProperties: RUNTIME }, description: 'Extra OCI runtimes by name: {"path", "runtimeArgs"} or {"runtimeType", "options"}. The name runc is reserved. Merged with --add-runtime flags.' },
  { key: 'default-ulimits', flags: ['--default-ulimit'], flagValue: 'map', schema: { type: 'object', additionalProperties: ULIMIT }, description: 'Default ulimits for containers by name: {"Name", "Soft", "Hard"} (nofile, nproc, core …).' },
  { key: 'default-shm-size', flags: ['--default-shm-size'], flagValue: 'string', default: '64M', reloads: true, schema: string, description: 'Default /dev/shm size of containers, as a size string ("64M"); a JSON number is refused.' },
  { key: 'default-ipc-mode', flags: ['--default-ipc-mode'], flagValue: 'string', default: 'private', reloads: true, schema: { type: 'string', enum: ['private', 'shareable'] }, description: 'Default IPC mode of containers: private (default) or shareable.' },
  { key: 'default-cgroupns-mode', flags: ['--default-cgroupns-mode'], flagValue: 'string', reloads: true, schema: { type: 'string', enum: ['host', 'private'] }, description: 'Default cgroup namespace mode: private (default on cgroup v2) or host (default on v1).' },
  { key: 'cgroup-parent', flags: ['--cgroup-parent'], flagValue: 'string', schema: string, description: 'Parent cgroup of all containers (CIS 2.10: leave the default unless needed).' },
  { key: 'cpu-rt-period', flags: ['--cpu-rt-period'], flagValue: 'int', default: 0, schema: integer, description: 'Real-time CPU period in microseconds for the parent cgroup (cgroup v1 only).' },
  { key: 'cpu-rt-runtime', flags: ['--cpu-rt-runtime'], flagValue: 'int', default: 0, schema: integer, description: 'Real-time CPU runtime in microseconds for the parent cgroup (cgroup v1 only).' },
  { key: 'init', flags: ['--init'], flagValue: 'bool', default: false, schema: boolean, description: 'Run an init process inside containers that forwards signals and reaps zombies.' },
  { key: 'init-path', flags: ['--init-path'], flagValue: 'string', schema: string, description: 'Path of the docker-init binary.' },
  { key: 'seccomp-profile', flags: ['--seccomp-profile'], flagValue: 'string', default: 'builtin', schema: string, description: 'Default seccomp profile: a JSON file path, "builtin" (default) or "unconfined" (no syscall filtering, CIS 2.17).' },
  { key: 'no-new-privileges', flags: ['--no-new-privileges'], flagValue: 'bool', default: false, schema: boolean, description: 'Stop container processes from gaining privileges through setuid binaries (CIS 2.14).' },
  { key: 'selinux-enabled', flags: ['--selinux-enabled'], flagValue: 'bool', default: false, schema: boolean, description: 'Enable SELinux labeling of containers (CIS 5.3).' },
  { key: 'userns-remap', flags: ['--userns-remap'], flagValue: 'string', default: '', schema: string, description: 'Map container root to an unprivileged host user: "default" (creates dockremap), user, user:group, uid or uid:gid (CIS 2.9). Turns off the containerd image store.' },
  { key: 'userland-proxy', flags: ['--userland-proxy'], flagValue: 'bool', default: true, schema: boolean, description: 'Use the docker-proxy process for published ports instead of only NAT rules (CIS 2.16 asks for false).' },
  { key: 'userland-proxy-path', flags: ['--userland-proxy-path'], flagValue: 'string', schema: string, description: 'Absolute path of the docker-proxy binary.' },
  { key: 'log-driver', flags: ['--log-driver'], flagValue: 'string', default: 'json-file', schema: string, description: 'Default logging driver of containers: json-file (default), local, journald, syslog, gelf, fluentd, awslogs, splunk, gcplogs, none, or a plugin.' },
  { key: 'log-opts', flags: ['--log-opt'], flagValue: 'map', schema: LOG_OPTS, description: 'Options of the default logging driver; every value must be a JSON string ("max-file": "3").' },

  // §1.3 Networking
  { key: 'bridge', flags: ['--bridge', '-b'], flagValue: 'string', schema: string, description: 'Attach containers to this existing bridge instead of docker0; "none" disables the default bridge. Exclusive with "bip"/"bip6".' },
  { key: 'bip', flags: ['--bip'], flagValue: 'string', schema: string, description: "The default bridge's gateway address and prefix (e.g. 192.168.1.1/24)." },
  { key: 'bip6', flags: ['--bip6'], flagValue: 'string', since: '28.0', schema: string, description: "The default bridge's IPv6 gateway address and prefix." },
  { key: 'fixed-cidr', flags: ['--fixed-cidr'], flagValue: 'string', schema: string, description: 'IPv4 subnet for container addresses on the default bridge.' },
  { key: 'fixed-cidr-v6', flags: ['--fixed-cidr-v6'], flagValue: 'string', schema: string, description: 'IPv6 subnet for container addresses on the default bridge.' },
  { key: 'default-gateway', flags: ['--default-gateway'], flagValue: 'string', schema: string, description: 'IPv4 default gateway of containers on the default bridge.' },
  { key: 'default-gateway-v6', flags: ['--default-gateway-v6'], flagValue: 'string', schema: string, description: 'IPv6 default gateway of containers on the default bridge.' },
  { key: 'ip', flags: ['--ip'], flagValue: 'string', default: '0.0.0.0', schema: string, description: 'Default host address for published ports; 0.0.0.0 publishes on every interface, past the host firewall.' },
  { key: 'icc', flags: ['--icc'], flagValue: 'bool', default: true, schema: boolean, description: 'Inter-container communication on the default bridge (CIS 2.2 asks for false). false needs iptables.' },
  { key: 'ipv6', flags: ['--ipv6'], flagValue: 'bool', default: false, schema: boolean, description: 'Enable IPv6 on the default bridge.' },
  { key: 'iptables', flags: ['--iptables'], flagValue: 'bool', default: true, schema: boolean, description: 'Let dockerd manage iptables rules (CIS 2.4). false also turns off ip-masq.' },
  { key: 'ip6tables', flags: ['--ip6tables'], flagValue: 'bool', default: true, schema: boolean, description: 'Let dockerd manage ip6tables rules.' },
  { key: 'ip-forward', flags: ['--ip-forward'], flagValue: 'bool', default: true, schema: boolean, description: 'Enable IP forwarding in the kernel.' },
  { key: 'ip-forward-no-drop', flags: ['--ip-forward-no-drop'], flagValue: 'bool', default: false, since: '28.0', schema: boolean, description: "Do not set the filter-FORWARD chain's policy to DROP when enabling IP forwarding." },
  { key: 'ip-masq', flags: ['--ip-masq'], flagValue: 'bool', default: true, schema: boolean, description: 'IP masquerading for container traffic leaving the host.' },
  { key: 'allow-direct-routing', flags: ['--allow-direct-routing'], flagValue: 'bool', default: false, since: '28.2', schema: boolean, description: 'Accept packets routed directly to container addresses from other hosts.' },
  { key: 'bridge-accept-fwmark', flags: ['--bridge-accept-fwmark'], flagValue: 'string', since: '29.0', schema: string, description: 'Accept packets with this firewall mark (mark[/mask]) on bridge networks.' },
  { key: 'firewall-backend', flags: ['--firewall-backend'], flagValue: 'string', since: '29.0', schema: { type: 'string', enum: ['', 'iptables', 'nftables'] }, description: 'Firewall backend: iptables (default) or nftables.' },
  { key: 'mtu', flags: ['--mtu'], flagValue: 'int', default: 1500, schema: nonNegative, description: 'MTU of the default bridge (0 = default, 1500).' },
  { key: 'network-control-plane-mtu', flags: ['--network-control-plane-mtu'], flagValue: 'int', default: 1500, schema: integer, description: 'MTU of the network control plane (values below 500 are raised to 500).' },
  { key: 'default-address-pools', flags: ['--default-address-pool'], flagValue: 'csv-map', schema: { type: 'array', items: ADDRESS_POOL }, description: 'Pools networks get their subnets from: [{"base": CIDR, "size": prefix length}].' },
  { key: 'default-network-opts', flags: ['--default-network-opt'], flagValue: 'map', schema: { type: 'object', additionalProperties: stringMap }, description: 'Default driver options of new networks, per driver: {"bridge": {"com.docker.network.bridge.mtu": "1400"}}.' },
  { key: 'dns', flags: ['--dns'], flagValue: 'list', schema: strings, description: 'DNS servers of containers (IP addresses).' },
  { key: 'dns-opts', flags: ['--dns-opt'], flagValue: 'list', schema: strings, description: "Options for containers' resolv.conf." },
  { key: 'dns-search', flags: ['--dns-search'], flagValue: 'list', schema: strings, description: 'DNS search domains of containers.' },
  { key: 'host-gateway-ips', flags: ['--host-gateway-ip'], flagValue: 'list', since: '28.0', schema: strings, description: 'Addresses the special name host-gateway resolves to (at most one IPv4 and one IPv6).' },
  { key: 'host-gateway-ip', flags: [], schema: string, description: 'Deprecated single-address form of "host-gateway-ips"; refused together with it.' },

  // §1.4 Registries and proxies
  { key: 'registry-mirrors', flags: ['--registry-mirror'], flagValue: 'list', reloads: true, schema: REGISTRY_MIRRORS, description: 'Docker Hub pull-through mirrors (http:// or https:// URLs).' },
  { key: 'insecure-registries', flags: ['--insecure-registry'], flagValue: 'list', reloads: true, schema: strings, description: 'Registries reached over plain HTTP or unverified TLS, as host[:port] or CIDR (CIS 2.5: none).' },
  { key: 'proxies', flags: [], schema: PROXIES, description: 'HTTP proxy settings of the daemon: "http-proxy", "https-proxy", "no-proxy" (or the flags --http-proxy, --https-proxy, --no-proxy).' },
  { key: 'http-proxy', flags: ['--http-proxy'], flagValue: 'string', memberOf: 'proxies', file: 'ignored', schema: string, description: 'At the top level of daemon.json this key is accepted but ignored: write it inside "proxies".' },
  { key: 'https-proxy', flags: ['--https-proxy'], flagValue: 'string', memberOf: 'proxies', file: 'ignored', schema: string, description: 'At the top level of daemon.json this key is accepted but ignored: write it inside "proxies".' },
  { key: 'no-proxy', flags: ['--no-proxy'], flagValue: 'string', memberOf: 'proxies', file: 'ignored', schema: string, description: 'At the top level of daemon.json this key is accepted but ignored: write it inside "proxies".' },

  // §1.7 accepted but ignored; flags without a daemon setting
  { key: 'config-file', flags: ['--config-file'], flagValue: 'string', file: 'ignored', schema: string, description: 'The daemon.json dockerd reads (default /etc/docker/daemon.json). As a key in daemon.json it has no effect.' },
  { key: 'validate', flags: ['--validate'], flagValue: 'bool', file: 'ignored', schema: boolean, description: 'Check the configuration and exit ("configuration OK"). As a key in daemon.json it has no effect.' },
  { key: 'version', flags: ['--version', '-v'], flagValue: 'bool', file: 'ignored', schema: boolean, description: 'Print the version and exit. As a key in daemon.json it has no effect.' },
  { key: 'help', flags: ['--help', '-h'], flagValue: 'bool', file: 'ignored', schema: boolean, description: 'Print usage and exit (the -h shorthand is deprecated). As a key in daemon.json it has no effect.' },
  { key: 'restart', flags: ['--restart', '-r'], flagValue: 'bool', file: 'ignored', deprecatedFlag: true, schema: {}, description: 'Deprecated: use a restart policy per container. dockerd warns about the flag; the key has no effect.' },
  { key: 'deprecated-key-path', flags: [], file: 'ignored', schema: {}, description: 'Accepted and ignored by dockerd.' },
  { key: 'allow-nondistributable-artifacts', flags: [], file: 'ignored', schema: strings, description: 'Deprecated in 28.0 and without effect (its flag was removed in 29.0); the key is still accepted and ignored.' },
];

const BY_KEY = new Map(DAEMON_OPTIONS.map((o) => [o.key, o]));
const BY_FLAG = new Map(DAEMON_OPTIONS.flatMap((o) => o.flags.map((f) => [f, o] as const)));

/** Every key dockerd accepts in daemon.json (read or ignored). */
export const ALL_KEYS: readonly string[] = DAEMON_OPTIONS.map((o) => o.key);

export function optionByKey(key: string): DaemonOption | undefined {
  return BY_KEY.get(key);
}

/** The option a flag sets, by its name with dashes (`--host`, `-H`). */
export function optionByFlag(nameWithDashes: string): DaemonOption | undefined {
  return BY_FLAG.get(nameWithDashes);
}

/** Is the key read by dockerd (not only accepted and ignored)? */
export function isReadKey(key: string): boolean {
  const option = BY_KEY.get(key);
  return option !== undefined && option.file !== 'ignored';
}
