/**
 * Host mode's reading of a root: the files the system loads (as sources of their kinds), the
 * metadata the DG5xx rules need (as `host-facts` sources), one project with one machine for the
 * whole root. A file that cannot be read becomes a fact that says so, never a crash and never an
 * empty file linted in its place. Nothing is executed or written.
 */
import { decodeBytes } from '../engine/decode';
import { Project, type SourceFile } from '../engine/project';
import type { Registry } from '../engine/registry';
import { FACTS_FILE, type HostFactsData, type HostFactsFile, type PathFact } from '../formats/host-facts/parse';
import { ACCOUNT_FILES, CERTS_D, dataRoot, DPKG_STATUS, examinedPaths, mainDaemon } from '../model/host-metadata';
import { ENGINE_PACKAGES } from '../model/installed-engine';
import type { DaemonHost } from '../model/host';
import { environmentFilePaths } from '../model/daemon-service';
import { discoverHost, type Discovery } from './discover';
import { entryType, RootFs } from './root-fs';

const KIND = 'host-facts';
/** Deep enough for certs.d/<registry>/<file>; a deeper tree is not a registry's certificates. */
const MAX_CERTS_DEPTH = 3;

export interface HostScan {
  project: Project;
  /** The machine root in the project (`<root>/`). */
  root: string;
  /** Every source but the facts file, in the order they were found. */
  sources: SourceFile[];
  discovery: Discovery;
  facts: HostFactsData;
  /** The dockerd host found, if any Docker configuration was. */
  daemon?: DaemonHost;
  /** How many of the sources are files (folders and sockets are examined, not read). */
  fileCount: number;
}

/** `examined` is the day the release lines are judged on (`YYYY-MM-DD`), today unless a report is reproduced. */
export function scanHost(rootDir: string, registry: Registry, examined = new Date().toISOString().slice(0, 10)): HostScan {
  const fs = new RootFs(rootDir);
  const root = rootDir.endsWith('/') ? rootDir : `${rootDir}/`;
  const fileOf = (path: string) => root + path.replace(/^\/+/, '');
  const project = new Project(registry);
  project.declareMachines([{ root }]);
  const sources: SourceFile[] = [];
  const facts = new Map<string, PathFact>();
  const add = (source: SourceFile) => {
    sources.push(source);
    project.set(source);
  };
  /** Read a file the checks need; an unreadable one is a fact and an empty placeholder. */
  const load = (path: string, kind: string) => {
    const read = fs.read(path);
    const fact = examine(fs, path);
    if (read.bytes) {
      const decoded = decodeBytes(read.bytes);
      add({ path: fileOf(path), kind, text: decoded.text, decodeProblem: decoded.problem?.message });
    } else if (read.error !== 'ENOENT') {
      fact.error = read.error;
      add({ path: fileOf(path), kind: KIND, text: '' });
    }
    facts.set(path, fact);
  };

  const known = new Set(registry.kinds.map((k) => k.name));
  const discovery = discoverHost(fs, known);
  for (const file of discovery.files) load(file.path, file.kind);
  for (const path of [ACCOUNT_FILES.passwd, ACCOUNT_FILES.group, DPKG_STATUS]) load(path, KIND);
  // What only a running host has (/proc, /run) is not applicable on an offline root: one whose
  // /proc is not mounted (an image, a backup); `/` and a chroot with /proc mounted are live.
  const live = fs.resolve('/proc/mounts').stat !== undefined;
  const mountTable = live ? '/proc/mounts' : '/etc/fstab';
  load(mountTable, KIND);

  // The configuration names more paths (its --config-file, TLS files, sockets, data-root): ask the daemon model.
  let daemon = daemonOf(project, root);
  const configFile = daemon?.hiddenConfig?.path;
  if (configFile && !facts.has(configFile)) {
    load(configFile, 'daemon-json');
    daemon = daemonOf(project, root);
  }
  // EnvironmentFile= may name files beyond the two discovery knows (/etc/docker/env): systemd reads them too.
  const envFiles = daemon?.service ? environmentFilePaths(daemon.service).filter((path) => path.startsWith('/') && !facts.has(path)) : [];
  if (envFiles.length > 0) {
    for (const path of envFiles) load(path, 'systemd');
    daemon = daemonOf(project, root);
  }
  const paths = [...examinedPaths(daemon), ...certificates(fs, CERTS_D, 0, facts)];
  for (const path of paths) if (!facts.has(path)) facts.set(path, examine(fs, path));
  // A finding about a folder, a socket or a certificate needs a file in the project to point at.
  for (const fact of facts.values()) if ((fact.type || fact.error) && !project.has(fileOf(fact.path))) add({ path: fileOf(fact.path), kind: KIND, text: '' });
  const running = live ? runningDockerd(fs, daemon) : undefined;
  const data: HostFactsData = {
    live,
    examined,
    paths: [...facts.values()],
    ...(facts.get(mountTable)?.type ? { mountTable } : {}),
    // data-root is judged by the mount table, not by its own metadata; resolve it as the host would.
    dataRoot: fs.resolve(dataRoot(daemon).path).logical,
    masked: discovery.masked,
    ...(running ? { running } : {}),
    ...rpmOnly(fs, project, fileOf(DPKG_STATUS)),
  };
  project.set({ path: root + FACTS_FILE, kind: KIND, text: JSON.stringify(data) });
  const notFiles = new Set(data.paths.filter((f) => f.type === 'directory' || f.type === 'socket').map((f) => fileOf(f.path)));
  return { project, root, sources, discovery, facts: data, daemon, fileCount: sources.filter((s) => !notFiles.has(s.path)).length };
}

/** Where RPM keeps its database; dnf and zypper hosts have one of them. */
const RPM_DATABASES = ['/var/lib/rpm', '/usr/lib/sysimage/rpm'];

/** An RPM database, when dpkg names no engine: the engine's version is not checked there (said, not a finding). */
function rpmOnly(fs: RootFs, project: Project, dpkgFile: string): { rpmDatabase?: string } {
  const packages = (project.parsed(dpkgFile) as HostFactsFile | undefined)?.packages ?? [];
  if (packages.some((p) => ENGINE_PACKAGES.has(p.name))) return {};
  const database = RPM_DATABASES.find((path) => fs.resolve(path).stat?.isDirectory());
  return database ? { rpmDatabase: database } : {};
}

function daemonOf(project: Project, root: string): DaemonHost | undefined {
  return mainDaemon(project.machine(root).model('daemon').map((i) => i.model));
}

/**
 * The running dockerd's command line: the pid its pidfile names (`pidfile`, default
 * /var/run/docker.pid), then that process's /proc/<pid>/cmdline, read, never signalled. A stale
 * pidfile, or a pid that is not dockerd, gives nothing.
 */
function runningDockerd(fs: RootFs, daemon: DaemonHost | undefined): { pid: number; args: string[] } | undefined {
  const setting = daemon?.config.get('pidfile')?.value;
  const pidfile = typeof setting === 'string' && setting.startsWith('/') ? setting : '/var/run/docker.pid';
  const pid = Number(fs.read(pidfile).text?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const cmdline = fs.read(`/proc/${pid}/cmdline`).text;
  const args = cmdline?.split('\0').filter((arg, i, all) => i < all.length - 1 || arg !== '');
  if (!args || !/(^|\/)dockerd$/.test(args[0] ?? '')) return undefined;
  return { pid, args };
}

/** lstat's answer for a path, links followed inside the root. */
function examine(fs: RootFs, path: string): PathFact {
  const resolved = fs.resolve(path);
  const fact: PathFact = { path };
  if (resolved.logical !== path) fact.target = resolved.logical;
  if (resolved.error) fact.error = resolved.error;
  if (resolved.stat) {
    fact.type = entryType(resolved.stat);
    fact.uid = resolved.stat.uid;
    fact.gid = resolved.stat.gid;
    fact.mode = resolved.stat.mode & 0o7777;
  }
  return fact;
}

/** The files below certs.d, in name order; a folder that cannot be listed is a fact that says so. */
function certificates(fs: RootFs, dir: string, depth: number, facts: Map<string, PathFact>): string[] {
  if (depth > MAX_CERTS_DEPTH) return [];
  const listing = fs.list(dir);
  if (listing.error) {
    facts.set(dir, { ...examine(fs, dir), error: listing.error });
    return [dir];
  }
  return listing.names.flatMap((name) => {
    const path = `${dir}/${name}`;
    return fs.resolve(path).stat?.isDirectory() ? certificates(fs, path, depth + 1, facts) : [path];
  });
}
