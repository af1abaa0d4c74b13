/**
 * The `host-facts` kind's files, which only host mode makes: the facts file (what lstat told of each
 * path the checks need, as JSON) and the host's own files those facts refer to — `/etc/passwd`,
 * `/etc/group`, the mount table and dpkg's status (parsed here, once, with spans), and files that
 * are not lintable text (a folder, a socket, a certificate, an unreadable file), which a finding can
 * point at all the same.
 */
import type { ParsedFileBase } from '../../engine/kind';
import { parseGroup, parsePasswd, type GroupEntry, type PasswdEntry } from './accounts';
import { parseMounts, type MountEntry } from './mounts';
import { parseDpkgStatus, type DpkgPackage } from './dpkg-status';

/** The facts file's name below the root; no host has it, so it never stands for a real file. */
export const FACTS_FILE = '.dockguard-host-facts.json';

export type EntryType = 'file' | 'directory' | 'socket' | 'other';

/** What lstat (links followed inside the root) told of one path. */
export interface PathFact {
  /** As the host names it: `/etc/docker/daemon.json`. */
  path: string;
  /** Where its links lead, when elsewhere (`/run/docker.sock` for `/var/run/docker.sock`). */
  target?: string;
  /** Absent when nothing is there. */
  type?: EntryType;
  uid?: number;
  gid?: number;
  /** The permission bits, setuid, setgid and sticky included (`mode & 0o7777`). */
  mode?: number;
  /** Why the path could not be examined (`EACCES`, `ELOOP`), or, for a file the checks read, why it could not be read. */
  error?: string;
}

export interface HostFactsData {
  /** True when the root is the running host's `/` (its /proc and /run are real). */
  live: boolean;
  /** The day the host was examined (`YYYY-MM-DD`): what the engine's release line is judged on (DG511). */
  examined: string;
  paths: PathFact[];
  /** Which file the mount table came from: `/proc/mounts` on a live host, else `/etc/fstab`. */
  mountTable?: string;
  /** dockerd's data-root as the host resolves it (DG501 looks it up in the mount table). */
  dataRoot?: string;
  /** Docker's units linked to /dev/null. */
  masked: string[];
  /** On a live host, the running dockerd's pid and command line (/proc/<pid>/cmdline). */
  running?: { pid: number; args: string[] };
  /** The RPM database found when dpkg's status names no Docker engine: its version is not checked there. */
  rpmDatabase?: string;
}

export interface HostFactsFile extends ParsedFileBase {
  kind: 'host-facts';
  facts?: HostFactsData;
  passwd?: PasswdEntry[];
  group?: GroupEntry[];
  mounts?: MountEntry[];
  packages?: DpkgPackage[];
}

export function parseHostFacts(path: string, text: string): HostFactsFile {
  const file: HostFactsFile = { kind: 'host-facts', path, text, syntaxErrors: [] };
  const normalized = path.replace(/\\/g, '/');
  if (normalized.endsWith(`/${FACTS_FILE}`)) {
    try {
      file.facts = JSON.parse(text) as HostFactsData;
    } catch {
      file.syntaxErrors.push({ span: { start: 0, end: 0 }, message: 'the host facts are not JSON' });
    }
  } else if (normalized.endsWith('/etc/passwd')) file.passwd = parsePasswd(text);
  else if (normalized.endsWith('/etc/group')) file.group = parseGroup(text);
  else if (normalized.endsWith('/etc/fstab') || normalized.endsWith('/proc/mounts')) file.mounts = parseMounts(text);
  else if (normalized.endsWith('/var/lib/dpkg/status')) file.packages = parseDpkgStatus(text);
  return file;
}
