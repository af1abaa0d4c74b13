/**
 * What every LSP handler shares: the connection, the open documents, the project the engine lints,
 * the settings per resource and what the client can do. Paths are the engine's currency; URIs are
 * converted here, at the edge.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities, Connection, Emitter, Position, Range, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine/positions';
import type { Project } from '../engine/project';
import type { Registry } from '../engine/registry';
import type { Span } from '../engine/types';
import type { SettingsStore } from './configuration';
import type { HostCheck } from './host-check';
import type { StatusReporter } from './status';
import type { WorkspaceScan } from './workspace-scan';
import type { InitializationOptions } from '../protocol';

/** The client capabilities the handlers branch on, read once at `initialize`. */
export interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  documentChanges: boolean;
  createFiles: boolean;
  snippets: boolean;
  showDocument: boolean;
  watchedFilesRegistration: boolean;
  configurationChangeRegistration: boolean;
  workspaceFolders: boolean;
  /** False when the client shows diagnostics in its own hover (initialization options). */
  findingsInHover: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities, initializationOptions?: unknown): ClientFeatures {
  const workspace = capabilities.workspace;
  const init = (typeof initializationOptions === 'object' && initializationOptions !== null ? initializationOptions : {}) as InitializationOptions;
  return {
    findingsInHover: init.findingsInHover !== false,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: workspace?.diagnostics?.refreshSupport === true,
    configuration: workspace?.configuration === true,
    documentChanges: workspace?.workspaceEdit?.documentChanges === true,
    createFiles: workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    showDocument: capabilities.window?.showDocument?.support === true,
    watchedFilesRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationChangeRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
  };
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The kinds, models and rules this server runs. */
  registry: Registry;
  project: Project;
  settings: SettingsStore;
  features: ClientFeatures;
  /** URIs as the client spelled them, by path, so answers name files exactly as it does. */
  uris: Map<string, string>;
  /** Files found on disk by the workspace scan or the file watcher (kept when their editor closes). */
  onDisk: Set<string>;
  /** Files read because another file links to them (`common/base.yml`), whatever their names, with the kind the link says. */
  linked: Map<string, string>;
  scan: WorkspaceScan;
  status: StatusReporter;
  /** "Check this host": host mode in the server, its findings pushed on the host's files. */
  hostCheck: HostCheck;
  /** Fired with the files whose findings may have changed (what a held workspace pull waits for). */
  changed: Emitter<string[]>;
}

/** The engine path of a URI: a file system path for `file:` URIs, the URI itself otherwise. */
export function pathOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export function uriOfPath(state: ServerState, path: string): string {
  return state.uris.get(path) ?? (path.includes(':') && !path.startsWith('/') ? path : pathToFileURL(path).href);
}

/** Offset ↔ position for one file: the open document's own index, else one built from the project's text. */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function positionsOf(state: ServerState, path: string): Positions {
  const document = state.documents.get(uriOfPath(state, path));
  if (document) return document;
  return new LineIndex(state.project.source(path)?.text ?? '');
}

export function toRange(positions: Positions, span: Span): Range {
  return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
}
