/**
 * Fixture roots for host mode, built in a temp folder per test: files, folders, links, modes and
 * owners by numeric id (git keeps neither owners nor most modes, so they are set here). The base is
 * examples/hardened-host plus the accounts, fstab and dpkg status of a hardened Debian host.
 */
import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from '../cli/harness';

const example = (path: string) => readFileSync(join(REPO, 'examples/hardened-host', path), 'utf8');

export const HARDENED_FILES: Record<string, string> = {
  'etc/docker/daemon.json': example('etc/docker/daemon.json'),
  'lib/systemd/system/docker.service': example('lib/systemd/system/docker.service'),
  'lib/systemd/system/docker.socket': example('lib/systemd/system/docker.socket'),
  'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n',
  'etc/group': 'root:x:0:\ndaemon:x:1:\nalice:x:1000:\ndocker:x:999:\n',
  'var/lib/dpkg/status': dpkgStatus({ 'docker-ce': '5:29.7.2-1~debian.12~bookworm' }),
  'etc/fstab': '# <file system> <mount point> <type> <options> <dump> <pass>\nUUID=0a1b / ext4 errors=remount-ro 0 1\nUUID=2c3d /var/lib/docker xfs defaults 0 2\n',
};

/**
 * dpkg's status file with these packages installed (name → version), between a package that is not
 * an engine and one removed with its conffiles kept, which dpkg lists but does not count.
 */
export function dpkgStatus(installed: Record<string, string>): string {
  const stanza = (name: string, status: string, version: string) =>
    `Package: ${name}\nStatus: ${status}\nPriority: optional\nArchitecture: amd64\nVersion: ${version}\nDescription: ${name}\n multi-line description\n`;
  return [
    stanza('containerd.io', 'install ok installed', '1.7.28-1~debian.12~bookworm'),
    ...Object.entries(installed).map(([name, version]) => stanza(name, 'install ok installed', version)),
    stanza('docker.io', 'deinstall ok config-files', '20.10.24+dfsg1-1+b3'),
  ].join('\n');
}

export interface RootSpec {
  /** Files to write (path below the root → text); `null` removes a base file. */
  files?: Record<string, string | null>;
  /** Symbolic links: path → target, written as given (absolute targets are the host's). */
  links?: Record<string, string>;
  dirs?: string[];
  modes?: Record<string, number>;
  /** uid, gid by number. */
  owners?: Record<string, [number, number]>;
}

/** A root below a new temp folder (traversable by anyone, so a test can read it as another user). */
export function buildRoot(spec: RootSpec = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-host-'));
  chmodSync(root, 0o755);
  const files = { ...HARDENED_FILES, ...spec.files };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { mode: 0o644 });
    chmodSync(join(root, path), 0o644);
  }
  for (const dir of spec.dirs ?? []) mkdirSync(join(root, dir), { recursive: true });
  for (const [path, target] of Object.entries(spec.links ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    rmSync(join(root, path), { force: true });
    symlinkSync(target, join(root, path));
  }
  for (const [path, mode] of Object.entries(spec.modes ?? {})) chmodSync(join(root, path), mode);
  for (const [path, [uid, gid]] of Object.entries(spec.owners ?? {})) (spec.links?.[path] ? lchownSync : chownSync)(join(root, path), uid, gid);
  return root;
}

/** Ownership cases need root (chown); without it they are skipped with this reason. */
export const NOT_ROOT = process.getuid?.() !== 0 ? 'ownership cases need root to chown the fixture files' : false;
