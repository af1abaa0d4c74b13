/** Reading the files the CLI is given: folders walked recursively, bytes decoded as dockerd would. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../engine/decode';
import { kindOfPath } from '../engine/kinds';
import type { FileKind } from '../engine/types';
import type { SourceFile } from '../engine/workspace';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export class UsageError extends Error {}

/**
 * The sources for the given paths. A folder contributes the files whose names say their kind; a file
 * named explicitly is linted as `forcedKind`, or as its name says.
 */
export function collectSources(paths: string[], forcedKind?: FileKind): SourceFile[] {
  const sources: SourceFile[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or directory: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const file of walk(path)) {
        const kind = forcedKind ?? kindOfPath(file);
        if (kind) sources.push(readSource(file, kind));
      }
    } else {
      const kind = forcedKind ?? kindOfPath(path);
      if (!kind) throw new UsageError(`cannot tell what kind of file ${path} is; name it with --kind`);
      sources.push(readSource(path, kind));
    }
  }
  return sources;
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

export function readSource(path: string, kind: FileKind): SourceFile {
  const decoded = decodeBytes(readFileSync(path));
  return { path, kind, text: decoded.text, decodeProblem: decoded.problem?.message };
}
