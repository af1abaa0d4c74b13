/**
 * A host's files read below a folder that stands for its `/` (`--root DIR`, or `/` itself). Every
 * path is walked one component at a time, so an absolute symlink (`/var/run → /run`) resolves
 * inside the root and `..` never climbs above it: the machine running the check is never read in
 * the host's place. Nothing is written; only regular files are opened (a FIFO would block).
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** systemd and the kernel give up after 40 links; so do we. */
const MAX_LINKS = 40;

export type EntryType = 'file' | 'directory' | 'socket' | 'other';

export interface Resolved {
  /** The path the host sees at the end of its links (`/run/docker.sock` for `/var/run/docker.sock`). */
  logical: string;
  /** The same below the root, on the machine running the check. */
  real: string;
  /** Undefined when nothing is there (a missing file, a dangling link). */
  stat?: Stats;
  /** Why the path could not be walked: `EACCES` (a folder we may not search), `ELOOP`. */
  error?: string;
}

export interface ReadResult {
  text?: string;
  bytes?: Buffer;
  /** `EACCES`, `EISDIR` (not a regular file) …: root, or a look at the file, would tell more. */
  error?: string;
}

export class RootFs {
  /** `root` is absolute; `/` reads the running host. */
  constructor(readonly root: string) {}

  /** Where `logical` (absolute, as the host names it) ends up, following every link inside the root. */
  resolve(logical: string): Resolved {
    let pending = logical.split('/').filter(Boolean);
    let done: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const [part, ...rest] = pending;
      pending = rest;
      if (part === '.') continue;
      if (part === '..') {
        done.pop(); // at the root, `..` is the root itself, as in a chroot
        continue;
      }
      const real = join(this.root, ...done, part);
      let stat: Stats;
      try {
        stat = lstatSync(real);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const at = `/${[...done, part, ...pending].join('/')}`;
        return { logical: at, real: join(this.root, at), ...(code === 'ENOENT' || code === 'ENOTDIR' ? {} : { error: code ?? 'EIO' }) };
      }
      if (stat.isSymbolicLink()) {
        if (++links > MAX_LINKS) return { logical, real: join(this.root, logical), error: 'ELOOP' };
        const target = readlinkSync(real);
        if (target.startsWith('/')) done = [];
        pending = [...target.split('/').filter(Boolean), ...pending];
        continue;
      }
      done.push(part);
      if (pending.length === 0) return { logical: `/${done.join('/')}`, real, stat };
    }
    // Only `.` and `..` were left: the path is a folder already walked, or the root itself.
    const real = join(this.root, ...done);
    try {
      return { logical: `/${done.join('/')}`, real, stat: lstatSync(real) };
    } catch (error) {
      return { logical: `/${done.join('/')}`, real, error: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  }

  /** The text of a regular file (links followed inside the root). */
  read(logical: string): ReadResult & { resolved: Resolved } {
    const resolved = this.resolve(logical);
    if (resolved.error) return { resolved, error: resolved.error };
    if (!resolved.stat) return { resolved, error: 'ENOENT' };
    if (!resolved.stat.isFile()) return { resolved, error: resolved.stat.isDirectory() ? 'EISDIR' : 'not a regular file' };
    try {
      const bytes = readFileSync(resolved.real);
      return { resolved, bytes, text: bytes.toString('utf8') };
    } catch (error) {
      return { resolved, error: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  }

  /** The names in a folder, sorted as C's strcmp sorts them (systemd's and augenrules' order); [] when unreadable. */
  list(logical: string): { names: string[]; error?: string } {
    const resolved = this.resolve(logical);
    if (resolved.error) return { names: [], error: resolved.error };
    if (!resolved.stat?.isDirectory()) return { names: [] };
    try {
      return { names: readdirSync(resolved.real).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))) };
    } catch (error) {
      return { names: [], error: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  }
}

export function entryType(stat: Stats): EntryType {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isSocket()) return 'socket';
  return 'other';
}
