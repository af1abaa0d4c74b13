/**
 * A Docker host as the workspace shows it: its daemon.json and its units, grouped by the folder
 * that stands for the host's `/`, and the effective daemon configuration they produce together.
 */
import { nodeSpan, objectProperties, type DaemonJsonFile, type JsonProperty } from '../formats/daemon-json/parse';
import type { Machine } from '../engine/machine';
import type { Location, Span } from '../engine/types';
import type { SystemdFile } from '../formats/systemd/parse';
import { buildService, envFileCommand, type DaemonService, type DockerdCommand } from './daemon-service';
import { settingsFromFlags } from './flag-settings';
import { DaemonConfig, type JsonValue, type Setting } from './daemon-config';
import { buildSocket, type DockerSocket } from './docker-socket';
import { stackFiles } from './unit-stack';
import type { JsonOrigin } from './origin';
import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';

export interface DaemonHost {
  /** The folder standing for the host's `/` (`x/` for `x/etc/docker/daemon.json`), else the file's folder. */
  root: string;
  /** True when the root is a host tree (its layout shows it), not a folder of loose files. */
  hostTree: boolean;
  /** The daemon.json dockerd reads: `--config-file`, else the machine's declared or default one. */
  configFile: string;
  daemonJson?: DaemonJsonFile;
  config: DaemonConfig;
  /** Where a rule about a *missing* setting reports: daemon.json's opening `{`, else the dockerd command. */
  anchor?: Location;
  /**
   * False when a source that may hold settings cannot be read: a daemon.json that does not parse,
   * a `--config-file` or an EnvironmentFile outside the workspace. A setting that looks missing may
   * be written there, so the host has no anchor and rules about missing settings stay silent;
   * settings written as flags are still judged.
   */
  complete: boolean;
  /** `--config-file` naming a file the workspace does not hold (DG206). */
  hiddenConfig?: { file: string; span: Span; path: string };
  /** Every file that feeds this host (a finding's file must be one of them). */
  files: string[];
  /** docker.service with its drop-ins, when the workspace holds them. */
  service?: DaemonService;
  /** The dockerd command line judged: the effective ExecStart, else an env file's DOCKER_OPTS/OPTIONS. */
  command?: DockerdCommand;
  /** Env files feeding the command when no unit reads them (DOCKER_OPTS on a sysvinit host). */
  envFiles?: SystemdFile[];
  /** docker.socket with its drop-ins, when the workspace holds them. */
  socket?: DockerSocket;
}

/** Settings whose members are judged one by one (map-valued keys, reference §2.1). */
const MAP_KEYS = new Set(['log-opts', 'default-network-opts', 'runtimes', 'default-ulimits', 'features', 'builder', 'nri-opts', 'proxies']);

export function hostFromDaemonJson(file: DaemonJsonFile, machine: Machine): DaemonHost {
  const root = machine.root;
  const config = new DaemonConfig();
  for (const property of file.properties) config.add(new JsonSetting(file.path, property));
  const anchor = file.root?.type === 'object' ? { file: file.path, span: { start: file.root.offset, end: file.root.offset + 1 } } : emptyConfig(file) ? { file: file.path, span: { start: 0, end: 0 } } : undefined;
  return { root, hostTree: machine.hostTree, configFile: file.path, daemonJson: file, config, anchor, complete: true, files: [file.path] };
}

/** dockerd reads a whitespace-only daemon.json as `{}` (reference §2.1), so its missing settings are judged too. */
function emptyConfig(file: DaemonJsonFile): boolean {
  return file.root === undefined && file.syntaxErrors.length === 0 && file.text.trim() === '';
}

function jsonOrigin(file: string, property: JsonProperty): JsonOrigin {
  return { type: 'daemon-json', file, keySpan: property.keySpan, valueSpan: nodeSpan(property.value), span: property.span, path: property.path };
}

/**
 * A daemon.json key. Its value, list items and map members are built on first read, so a list of
 * thousands of entries costs a keystroke only what the rules that read it spend.
 */
class JsonSetting implements Setting {
  readonly key: string;
  readonly origin: JsonOrigin;
  private builtValue?: { value: JsonValue };
  private builtItems?: Setting[];
  private builtMembers?: Setting[];

  constructor(private readonly file: string, private readonly property: JsonProperty) {
    this.key = property.key;
    this.origin = jsonOrigin(file, property);
  }

  get value(): JsonValue {
    this.builtValue ??= { value: getNodeValue(this.property.value) as JsonValue };
    return this.builtValue.value;
  }

  get items(): Setting[] | undefined {
    if (this.property.value.type !== 'array') return undefined;
    this.builtItems ??= (this.property.value.children ?? []).map((element, index) => new JsonListItem(this, element, index));
    return this.builtItems;
  }

  get members(): Setting[] | undefined {
    if (this.property.value.type !== 'object' || !MAP_KEYS.has(this.key)) return undefined;
    this.builtMembers ??= objectProperties(this.property.value, this.property.path).map((member) => new JsonSetting(this.file, member));
    return this.builtMembers;
  }
}

/**
 * One element of a daemon.json list, which is also its own origin (written at the element itself):
 * one small object per element, as lists can hold thousands; spans and path are computed on request.
 */
class JsonListItem implements Setting, JsonOrigin {
  readonly value: JsonValue;

  constructor(private readonly list: JsonSetting, private readonly element: Node, private readonly index: number) {
    // A scalar's node holds its value already; only nested lists and objects need building.
    this.value = (element.children ? getNodeValue(element) : element.value) as JsonValue;
  }

  get key(): string {
    return this.list.key;
  }

  get type(): 'daemon-json' {
    return 'daemon-json';
  }

  get origin(): JsonOrigin {
    return this;
  }

  get file(): string {
    return this.list.origin.file;
  }

  get keySpan(): Span {
    return nodeSpan(this.element);
  }

  get valueSpan(): Span {
    return nodeSpan(this.element);
  }

  get span(): Span {
    return nodeSpan(this.element);
  }

  get path(): (string | number)[] {
    return [...this.list.origin.path, this.index];
  }
}

/**
 * The hosts of one machine. Its units join the daemon.json that dockerd would read (`--config-file`,
 * else the declared or default config file, else the machine's only daemon.json); other daemon.json
 * files stay hosts of their own.
 */
export function buildHosts(machine: Machine): DaemonHost[] {
  const daemonJsons = machine.filesOf<DaemonJsonFile>('daemon-json');
  const systemdFiles = machine.filesOf<SystemdFile>('systemd');
  const hosts: DaemonHost[] = [];
  const host = systemdFiles.length > 0 ? systemdHost(machine, systemdFiles, daemonJsons) : undefined;
  for (const file of daemonJsons) if (file !== host?.daemonJson && file.syntaxErrors.length === 0) hosts.push(hostFromDaemonJson(file, machine));
  if (host) hosts.push(host);
  return hosts;
}

/** The config file dockerd reads when no `--config-file` says otherwise, relative to the machine root. */
export function defaultConfigFile(machine: Machine): string {
  if (machine.declaration?.daemon) return machine.declaration.daemon;
  return machine.files.some((f) => f.path.startsWith(`${machine.root}.config/`)) ? ROOTLESS_CONFIG_FILE : DEFAULT_CONFIG_FILE;
}

const DEFAULT_CONFIG_FILE = 'etc/docker/daemon.json';
/** A rootless dockerd reads `~/.config/docker/daemon.json`. */
const ROOTLESS_CONFIG_FILE = '.config/docker/daemon.json';

interface Units {
  service?: DaemonService;
  command?: DockerdCommand;
  socket?: DockerSocket;
  envFiles: SystemdFile[];
}

/**
 * The last units built per set of unit files: a fix check re-lints a machine with a changed
 * daemon.json many times over the same, unchanged parses of its units (models are read-only).
 */
const unitsCache = new WeakMap<SystemdFile, { files: readonly SystemdFile[]; root: string; units: Units }>();

function unitsOf(files: readonly SystemdFile[], root: string): Units {
  const cached = files.length > 0 ? unitsCache.get(files[0]) : undefined;
  if (cached && cached.root === root && cached.files.length === files.length && cached.files.every((f, i) => f === files[i])) return cached.units;
  const serviceNames = new Set(files.filter((f) => f.unitName?.endsWith('.service') && f.role !== 'env-file').map((f) => f.unitName!));
  let service: DaemonService | undefined;
  for (const name of [...serviceNames].sort((a, b) => Number(b === 'docker.service') - Number(a === 'docker.service'))) {
    const candidate = buildService(name, files, root);
    if (candidate.command || (name === 'docker.service' && !service)) service = candidate;
    if (candidate.command) break;
  }
  const envFiles = files.filter((f) => f.role === 'env-file');
  const command = service?.command ?? (service ? undefined : envFiles.map(envFileCommand).find((c) => c !== undefined));
  const units = { service, command, socket: buildSocket(files), envFiles };
  if (files.length > 0) unitsCache.set(files[0], { files: [...files], root, units });
  return units;
}

function systemdHost(machine: Machine, files: SystemdFile[], daemonJsons: readonly DaemonJsonFile[]): DaemonHost | undefined {
  const root = machine.root;
  const { service, command, socket, envFiles } = unitsOf(files, root);
  if (!service && !command && !socket) return undefined;
  const configFlag = command?.args.flags.find((f) => f.spec.name === 'config-file');
  const configFile = configFlag?.value?.text.replace(/^\/+/, '');
  const configPath = root + (configFile ?? defaultConfigFile(machine));
  const daemonJson = daemonJsons.find((j) => j.path === configPath) ?? (configFile === undefined && daemonJsons.length === 1 ? daemonJsons[0] : undefined);
  const broken = daemonJson !== undefined && daemonJson.syntaxErrors.length > 0;
  // Host mode puts a file it could not read there as host metadata: its settings are unknown, not absent.
  const unreadable = !daemonJson && machine.files.some((f) => f.kind === 'host-facts' && f.path === configPath);
  const host: DaemonHost = daemonJson && !broken ? hostFromDaemonJson(daemonJson, machine) : { root, hostTree: machine.hostTree, configFile: daemonJson?.path ?? configPath, config: new DaemonConfig(), complete: !broken && !unreadable, files: broken ? [daemonJson.path] : [] };
  host.root = root;
  host.service = service;
  host.command = command;
  host.socket = socket;
  if (!service) host.envFiles = envFiles;
  for (const setting of settingsFromFlags(command?.args.flags ?? [])) host.config.add(setting);
  if (configFlag && configFile !== undefined && !daemonJson) host.hiddenConfig = { file: configFlag.file, span: configFlag.valueSpan ?? configFlag.span, path: `/${configFile}` };
  if (host.hiddenConfig || (command?.hidden.length ?? 0) > 0) {
    host.complete = false;
    host.anchor = undefined;
  }
  if (!host.anchor && command && host.complete) host.anchor = { file: command.file, span: command.executable };
  host.files.push(...systemdFilesOf(host).map((f) => f.path).filter((p) => !host.files.includes(p)));
  return host;
}

/** The systemd files feeding the host: the service with its drop-ins and env files (else lone env files), the socket with its drop-ins. */
function systemdFilesOf(host: DaemonHost): SystemdFile[] {
  const service = host.service ? [...stackFiles(host.service), ...host.service.envFiles] : host.envFiles ?? [];
  return [...service, ...(host.socket ? stackFiles(host.socket) : [])];
}

/** The text of a file feeding the host (daemon.json or one of its systemd files), for edits. */
export function hostFileText(host: DaemonHost, path: string): string | undefined {
  if (host.daemonJson?.path === path) return host.daemonJson.text;
  return systemdFilesOf(host).find((f) => f.path === path)?.text;
}
