/**
 * Which of a host's files the system loads, found where it loads them: Docker's units along
 * systemd's load path (the first unit found wins; one linked to /dev/null is masked), their
 * drop-ins from every folder of the path, `docker.service.d/` then the top-level `service.d/` that
 * applies to every service (one of a name shadows a later one of the same name), daemon.json, the
 * env files and the audit rules augenrules compiles. `docker-.service.d/` prefix folders do not
 * apply: systemd derives them from dashes in the unit's name, and `docker` has none.
 */
import { UNIT_LOAD_PATH, unitType } from '../model/unit-stack';
import type { RootFs } from './root-fs';

export const DOCKER_UNITS = ['docker.service', 'docker.socket'];
const MASK = '/dev/null';

export interface FoundFile {
  /** The path the host loads it from. */
  path: string;
  kind: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Units linked to /dev/null: systemd runs nothing of them, drop-ins included. */
  masked: string[];
  /** Files systemd does not read because another of the same name comes first on its path. */
  shadowed: { path: string; by: string }[];
}

/** `kinds` are the names the registry knows: a kind it lacks (audit) is not looked for. */
export function discoverHost(fs: RootFs, kinds: ReadonlySet<string>): Discovery {
  const discovery: Discovery = { files: [], masked: [], shadowed: [] };
  const folders = distinctFolders(fs);
  const add = (path: string, kind: string) => {
    if (kinds.has(kind)) discovery.files.push({ path, kind });
  };
  if (exists(fs, '/etc/docker/daemon.json')) add('/etc/docker/daemon.json', 'daemon-json');
  for (const unit of DOCKER_UNITS) unitFiles(fs, folders, unit, discovery, add);
  for (const env of ['/etc/default/docker', '/etc/sysconfig/docker']) if (exists(fs, env)) add(env, 'systemd');
  // augenrules compiles rules.d/*.rules in name order; audit.rules is what it writes.
  for (const name of fs.list('/etc/audit/rules.d').names) if (name.endsWith('.rules')) add(`/etc/audit/rules.d/${name}`, 'audit');
  return discovery;
}

/** The unit folders, each once: on a merged-/usr host /lib is /usr/lib, and systemd reads it once. */
function distinctFolders(fs: RootFs): string[] {
  const seen = new Set<string>();
  return UNIT_LOAD_PATH.filter((folder) => {
    const target = fs.resolve(folder).logical;
    if (seen.has(target)) return false;
    seen.add(target);
    return true;
  });
}

function unitFiles(fs: RootFs, folders: string[], unit: string, discovery: Discovery, add: (path: string, kind: string) => void): void {
  let winner: string | undefined;
  for (const folder of folders) {
    const path = `${folder}/${unit}`;
    const resolved = fs.resolve(path);
    if (resolved.logical === MASK) {
      if (winner) discovery.shadowed.push({ path, by: winner });
      else {
        discovery.masked.push(path);
        return;
      }
      continue;
    }
    if (!resolved.stat && !resolved.error) continue;
    if (winner) discovery.shadowed.push({ path, by: winner });
    else winner = path;
  }
  if (!winner) return;
  add(winner, 'systemd');
  const dropIns = new Map<string, string>();
  const dirs = [`${unit}.d`, `${unitType(unit)}.d`].flatMap((dropInDir) => folders.map((folder) => `${folder}/${dropInDir}`));
  for (const dir of dirs) {
    for (const name of fs.list(dir).names) {
      if (!name.endsWith('.conf')) continue;
      const path = `${dir}/${name}`;
      const first = dropIns.get(name);
      if (first !== undefined) discovery.shadowed.push({ path, by: first });
      else dropIns.set(name, path);
    }
  }
  // Applied in file-name order whatever their folder; one linked to /dev/null only hides the others.
  for (const name of [...dropIns.keys()].sort()) {
    const path = dropIns.get(name)!;
    if (fs.resolve(path).logical !== MASK) add(path, 'systemd');
  }
}

function exists(fs: RootFs, path: string): boolean {
  const resolved = fs.resolve(path);
  return resolved.stat !== undefined || resolved.error !== undefined;
}
