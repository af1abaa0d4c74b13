/** Reading the files the CLI is given: folders walked recursively, bytes decoded as dockerd would. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../engine/decode';
import { kindOfPath } from '../engine/kinds';
import type { FileKind } from '../engine/types';
import { isSupportedKind, type SourceFile } from '../engine/workspace';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** A usage or input problem: exit 2 with its message on one line. */
export class UsageError extends Error {}

/** How the bytes were encoded, so `--fix` writes the file back the same way. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom';

export interface LoadedSource {
  source: SourceFile;
  encoding: Encoding;
}

export interface FoundFile {
  /** Absolute path. */
  path: string;
  kind: FileKind;
  /** True when named on the command line (ignore globs do not apply to it). */
  explicit: boolean;
}

/**
 * The files to lint for the given paths, each once. A folder contributes the files whose names say a
 * kind dockguard lints (only kind `onlyKind` when given); a file named explicitly is linted as
 * `onlyKind`, or as its name says.
 */
export function findFiles(paths: string[], onlyKind?: FileKind, cwd = process.cwd()): FoundFile[] {
  if (onlyKind && !isSupportedKind(onlyKind)) throw new UsageError(`dockguard cannot lint ${onlyKind} files yet`);
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
        const kind = kindOfPath(file);
        if (kind && isSupportedKind(kind) && (!onlyKind || kind === onlyKind) && !found.has(file)) found.set(file, { path: file, kind, explicit: false });
      }
    } else {
      const kind = onlyKind ?? kindOfPath(path);
      if (!kind) throw new UsageError(`cannot tell what kind of file ${given} is; name it with --kind`);
      if (!isSupportedKind(kind)) throw new UsageError(`dockguard cannot lint ${kind} files yet: ${given}`);
      found.set(path, { path, kind, explicit: true });
    }
  }
  return [...found.values()];
}

/**
 * Every file below `dir` in name order, skipping node_modules and .git. The CLI stops on an
 * unreadable folder (a usage error); the language server's scan passes over it, as `find` would.
 */
export function* walkFiles(dir: string, { skipUnreadable = false } = {}): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (skipUnreadable) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* walkFiles(full, { skipUnreadable });
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

/** The file as the engine lints it (the language server reads files it has not opened this way). */
export function readSource(path: string, kind: FileKind): SourceFile {
  return loadSource(path, kind).source;
}

/** The file and its encoding; an unreadable file is a usage error naming the reason. */
export function loadSource(path: string, kind: FileKind): LoadedSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const decoded = decodeBytes(bytes);
  return { source: { path, kind, text: decoded.text, decodeProblem: decoded.problem?.message }, encoding: encodingOf(bytes) };
}

function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le-bom';
  return 'utf-8';
}

/** The bytes of `text` in the file's original encoding (decoding stripped the BOM: put it back). */
export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}
