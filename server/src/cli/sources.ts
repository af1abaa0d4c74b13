/** Which files the CLI lints for the paths it is given. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { walkFiles } from '../engine/files';
import { kindOfPath } from '../engine/kind';
import type { Registry } from '../engine/registry';

/** A usage or input problem: exit 2 with its message on one line. */
export class UsageError extends Error {}

export interface FoundFile {
  /** Absolute path. */
  path: string;
  kind: string;
  /** True when named on the command line (ignore globs do not apply to it). */
  explicit: boolean;
}

/**
 * The files to lint for the given paths, each once. A folder contributes the files whose names say a
 * kind dockguard lints (only kind `onlyKind` when given); a file named explicitly is linted as
 * `onlyKind`, or as its name says.
 */
export function findFiles(paths: string[], registry: Registry, onlyKind?: string, cwd = process.cwd()): FoundFile[] {
  const found = new Map<string, FoundFile>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stat.isDirectory()) {
      for (const file of walkFiles(path)) {
        const kind = kindOfPath(registry.kinds, file)?.name;
        if (kind && (!onlyKind || kind === onlyKind) && !found.has(file)) found.set(file, { path: file, kind, explicit: false });
      }
    } else {
      const kind = onlyKind ?? kindOfPath(registry.kinds, path)?.name ?? kindByContent(registry, path);
      if (!kind) throw new UsageError(`cannot tell what kind of file ${given} is; name it with --kind`);
      found.set(path, { path, kind, explicit: true });
    }
  }
  return [...found.values()];
}

/** The kind that claims a named file by its first bytes, if one does (an unreadable file: none). */
function kindByContent(registry: Registry, path: string): string | undefined {
  let head: string;
  try {
    head = readFileSync(path, 'utf8').slice(0, 4096);
  } catch {
    return undefined;
  }
  return registry.kinds.find((kind) => kind.claimsByContent?.(path, head))?.name;
}
