/**
 * Which of Docker's files a rule set watches (CIS Docker Benchmark 1.1.3–1.1.18). A path is watched
 * by `-w` on it or on a directory holding it, or by `-a always,exit` with `-F path=`/`-F dir=`, when
 * the permissions include w or a (a watch without permissions watches every access). The required
 * set is narrowed by what the host's tree shows: the unit folder it uses, its distribution family,
 * whether the old containerd shims are there.
 */
import { loads, type AuditRule } from '../formats/audit/rule';
import type { AuditRuleSet, LoadedRule } from './audit-rules';

export interface DockerPath {
  /** The CIS item (v1.6.0; v1.5.0 numbers these the same). */
  cis: string;
  /** The path to watch (and the one a fix adds). */
  path: string;
  /** Other paths the file may have on this host, when the tree does not tell: a watch on any counts. */
  also?: string[];
}

/** What a host's tree tells about the host (paths relative to its root, written `/etc/…`). */
export interface HostEvidence {
  /** Paths of the files the tree holds. */
  paths: ReadonlySet<string>;
}

const UNIT_FOLDERS = ['/usr/lib/systemd/system', '/lib/systemd/system', '/etc/systemd/system'];

/**
 * The unit's paths on the host: each folder the tree puts it in; else the folder the tree puts the
 * other Docker unit in; else /usr/lib (the same file as /lib on a merged-/usr host). When the tree
 * does not show the unit itself, a watch in another unit folder counts too.
 */
function unitPaths(cis: string, unit: string, evidence: HostEvidence): DockerPath[] {
  const candidates = UNIT_FOLDERS.map((folder) => `${folder}/${unit}`);
  const present = candidates.filter((p) => evidence.paths.has(p));
  if (present.length > 0) return present.map((path) => ({ cis, path }));
  const sibling = UNIT_FOLDERS.find((folder) => ['docker.service', 'docker.socket'].some((u) => evidence.paths.has(`${folder}/${u}`))) ?? UNIT_FOLDERS[0];
  const path = `${sibling}/${unit}`;
  return [{ cis, path, also: candidates.filter((c) => c !== path) }];
}

/** Debian-like: the tree has /etc/default/docker or Debian's release file; RHEL-like: /etc/sysconfig/docker or a redhat-release. */
function family(evidence: HostEvidence): { debian: boolean; rhel: boolean } {
  const has = (p: string) => evidence.paths.has(p);
  return {
    debian: has('/etc/default/docker') || has('/etc/debian_version'),
    rhel: has('/etc/sysconfig/docker') || has('/etc/redhat-release'),
  };
}

/** The Docker paths this host should watch, in CIS order. */
export function requiredDockerPaths(evidence: HostEvidence): DockerPath[] {
  const { debian, rhel } = family(evidence);
  const has = (p: string) => evidence.paths.has(p);
  const paths: DockerPath[] = [
    // Debian's docker.io package installs /usr/sbin/dockerd.
    { cis: '1.1.3', path: '/usr/bin/dockerd', also: ['/usr/sbin/dockerd'] },
    { cis: '1.1.4', path: '/run/containerd' },
    { cis: '1.1.5', path: '/var/lib/docker' },
    { cis: '1.1.6', path: '/etc/docker' },
    ...unitPaths('1.1.7', 'docker.service', evidence),
    { cis: '1.1.8', path: '/run/containerd/containerd.sock' },
    ...unitPaths('1.1.9', 'docker.socket', evidence),
    ...(debian ? [{ cis: '1.1.10', path: '/etc/default/docker' }] : []),
    { cis: '1.1.11', path: '/etc/docker/daemon.json' },
    { cis: '1.1.12', path: '/etc/containerd/config.toml' },
    ...(rhel ? [{ cis: '1.1.13', path: '/etc/sysconfig/docker' }] : []),
    { cis: '1.1.14', path: '/usr/bin/containerd' },
    ...(has('/usr/bin/containerd-shim') ? [{ cis: '1.1.15', path: '/usr/bin/containerd-shim' }] : []),
    ...(has('/usr/bin/containerd-shim-runc-v1') ? [{ cis: '1.1.16', path: '/usr/bin/containerd-shim-runc-v1' }] : []),
    { cis: '1.1.17', path: '/usr/bin/containerd-shim-runc-v2' },
    { cis: '1.1.18', path: '/usr/bin/runc' },
  ];
  return paths;
}

/** Every Docker path CIS names, whatever the host (hover names the item of a watched path). */
export function allDockerPaths(): DockerPath[] {
  const every = new Set(['/etc/default/docker', '/etc/sysconfig/docker', '/usr/bin/containerd-shim', '/usr/bin/containerd-shim-runc-v1', ...UNIT_FOLDERS.flatMap((f) => [`${f}/docker.service`, `${f}/docker.socket`])]);
  return requiredDockerPaths({ paths: every });
}

const trimSlashes = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** The path a rule watches for writes or attribute changes, or undefined when it watches none. */
function watchedPath(rule: AuditRule): string | undefined {
  if (rule.type === 'watch') {
    const perms = rule.perms?.text.toLowerCase();
    return perms === undefined || /[wa]/.test(perms) ? trimSlashes(rule.path!.text) : undefined;
  }
  if (rule.type !== 'syscall' || rule.list !== 'exit' || rule.action !== 'always' || rule.operation?.info.name === 'd') return undefined;
  const target = rule.fields.find((f) => (f.info.name === 'path' || f.info.name === 'dir') && f.operator.text === '=');
  if (!target) return undefined;
  const perm = rule.fields.find((f) => f.info.name === 'perm')?.value.text ?? rule.perms?.text;
  // Without a permission filter the rule matches its syscalls: all of them when -S is absent or `all`.
  const everySyscall = rule.syscalls.length === 0 || rule.syscalls.some((s) => s.word.text === 'all');
  if (perm === undefined ? !everySyscall : !/[wa]/i.test(perm)) return undefined;
  return trimSlashes(target.value.text);
}

/** True when a watch on `watched` covers `path` (the same path, or a directory above it). */
export function covers(watched: string, path: string): boolean {
  return watched === path || path.startsWith(watched === '/' ? '/' : `${watched}/`);
}

/** The set's watches for writes or attribute changes, in load order; a later `-W` of the same path removes one. */
function watches(set: AuditRuleSet): { loaded: LoadedRule; path: string }[] {
  const list: { loaded: LoadedRule; path: string }[] = [];
  for (const loaded of set.rules) {
    const { rule } = loaded;
    if (rule.type === 'unwatch') {
      const removed = trimSlashes(rule.path!.text);
      const at = list.findIndex((w) => w.path === removed);
      if (at >= 0) list.splice(at, 1);
      continue;
    }
    const path = loads(rule) ? watchedPath(rule) : undefined;
    if (path !== undefined) list.push({ loaded, path });
  }
  return list;
}

/** The required Docker paths the set does not watch (a watch on the path, one of its other paths, or a folder above). */
export function unwatchedDockerPaths(set: AuditRuleSet, evidence: HostEvidence): DockerPath[] {
  const watched = watches(set);
  return requiredDockerPaths(evidence).filter((target) => {
    const paths = [target.path, ...(target.also ?? [])];
    return !watched.some((w) => paths.some((p) => covers(w.path, p)));
  });
}
