/**
 * A workspace: the parsed files dockguard lints together and the hosts they form. Parsing happens
 * once per text; rules read the models, never the raw text.
 */
import { parseDaemonJson, type DaemonJsonFile } from '../formats/daemon-json/parse';
import { parseSystemd, type SystemdFile } from '../formats/systemd/parse';
import { buildHosts, type DaemonHost } from '../model/host';
import type { FileKind } from './types';

/** Every parsed model, discriminated by `kind`. New file kinds join this union. */
export type ParsedFile = DaemonJsonFile | SystemdFile;

export interface SourceFile {
  path: string;
  text: string;
  kind: FileKind;
  /** Set when the bytes could not be decoded into text (reported as DG001). */
  decodeProblem?: string;
}

type Parser = (path: string, text: string) => ParsedFile;

const PARSERS: Partial<Record<FileKind, Parser>> = {
  'daemon-json': parseDaemonJson,
  'systemd': parseSystemd,
};

/** True when dockguard has a parser for the kind. */
export function isSupportedKind(kind: FileKind): boolean {
  return PARSERS[kind] !== undefined;
}

export function parseSource(source: SourceFile): ParsedFile | undefined {
  const parse = PARSERS[source.kind];
  if (!parse) return undefined;
  const parsed = parse(source.path, source.decodeProblem ? '' : source.text);
  if (source.decodeProblem) parsed.syntaxErrors.unshift({ span: { start: 0, end: 0 }, message: source.decodeProblem });
  return parsed;
}

export interface Workspace {
  files: ParsedFile[];
  hosts: DaemonHost[];
}

export function buildWorkspace(files: ParsedFile[]): Workspace {
  const daemonJsons = files.filter((f): f is DaemonJsonFile => f.kind === 'daemon-json');
  const systemdFiles = files.filter((f): f is SystemdFile => f.kind === 'systemd');
  const hosts: DaemonHost[] = buildHosts(daemonJsons, systemdFiles);
  return { files, hosts };
}
