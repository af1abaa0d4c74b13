/** Reading files as the engine lints them: folders walked in name order, bytes decoded as dockerd would. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBytes } from './decode';
import type { SourceFile } from './project';

/** Folders no walk enters. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** How the bytes were encoded, so `--fix` writes the file back the same way. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom';

export interface LoadedSource {
  source: SourceFile;
  encoding: Encoding;
}

/** A file that cannot be read; the message names the file and the reason. */
export class ReadError extends Error {}

export interface WalkOptions {
  /** The CLI stops on an unreadable folder; the language server's scan passes over it, as `find` would. */
  skipUnreadable?: boolean;
  /** Paths not walked (an ignored folder is not entered): see engine/ignore.ts. */
  skip?: (path: string, isDir: boolean) => boolean;
}

/** Every file below `dir` in name order, skipping node_modules, .git and what `skip` says. */
export function* walkFiles(dir: string, options: WalkOptions = {}): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (options.skipUnreadable) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !options.skip?.(full, true)) yield* walkFiles(full, options);
    } else if (entry.isFile() && !options.skip?.(full, false)) {
      yield full;
    }
  }
}

/** The file as the engine lints it, with its encoding; an unreadable file is a ReadError. */
export function loadSource(path: string, kind: string): LoadedSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ReadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { source: sourceOfBytes(path, kind, bytes), encoding: encodingOf(bytes) };
}

/** `loadSource`'s source, read without blocking (the language server's scan and watcher). */
export async function readSource(path: string, kind: string): Promise<SourceFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ReadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return sourceOfBytes(path, kind, bytes);
}

function sourceOfBytes(path: string, kind: string, bytes: Uint8Array): SourceFile {
  const decoded = decodeBytes(bytes);
  return { path, kind, text: decoded.text, decodeProblem: decoded.problem?.message, decodeOffset: decoded.problem?.offset };
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

/** True when `path` is a regular file (following links); false when it is anything else or absent. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** True when `path` is a folder (following links); false when it is anything else or absent. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
