/**
 * A minimal LSP client for tests and the benchmark: spawns a server over stdio, answers the
 * requests a server sends (configuration, registrations, refresh, showDocument) and waits on
 * messages with timeouts, never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type RegistrationParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

import { STATUS_NOTIFICATION } from '../../server/src/protocol';

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    synchronization: { dynamicRegistration: false },
  },
  workspace: {
    configuration: true,
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { showDocument: { support: true } },
};

/** The same client without pull diagnostics: the server must push. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  ...PULL_CAPABILITIES,
  textDocument: { ...PULL_CAPABILITIES.textDocument, diagnostic: undefined },
  workspace: { ...PULL_CAPABILITIES.workspace, diagnostics: undefined },
};

export interface StartOptions {
  command?: string[];
  capabilities?: ClientCapabilities;
  workspaceFolder?: string;
  /** The answer to each workspace/configuration item (section + scopeUri). */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Answer `window/workDoneProgress/create` with an error, as a client may. */
  refuseProgress?: boolean;
}

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  refreshRequests: number;
  shownDocuments: string[];
  /** Lines the server logged (window/logMessage). */
  log: string[];
  /** Every `$/progress` of a work-done progress the server created, in order. */
  progress: { token: string | number; value: { kind: string; message?: string; cancellable?: boolean } }[];
  /** Every dockguard notification (`dockguard/status`), in order. */
  notifications: { method: string; params: unknown }[];
  /** Messages the server showed the user (window/showMessage). */
  messages: { type: number; message: string }[];
  /** Edits the server asked the client to apply (workspace/applyEdit), each applied. */
  appliedEdits: WorkspaceEdit[];
  /** Each capability the server registered, and whether `initialized` had been sent when it asked. */
  registrations: Registered[];
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, text: string): void;
  /** An incremental change: replace `range` with `text`. */
  changeRange(uri: string, range: Range, text: string): void;
  close(uri: string): void;
  pull(uri: string): Promise<Diagnostic[]>;
  /** The latest diagnostics published for `uri`, once they satisfy `predicate`. */
  waitForPublished(uri: string, predicate?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  waitForRefresh(timeoutMs?: number): Promise<void>;
  waitForRegistration(method: string, timeoutMs?: number): Promise<Registered>;
  /** Resolves with `check`'s first defined value, re-checked after every message received. */
  waitUntil<T>(check: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface Registered {
  method: string;
  registerOptions: unknown;
  afterInitialized: boolean;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Rejects after `ms` with a message naming what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startClient(options: StartOptions = {}): Promise<TestClient> {
  const [command, ...args] = options.command ?? [process.execPath, SERVER_JS, '--stdio'];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const versions = new Map<string, number>();
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const client = {
    connection,
    process: child,
    published: [] as PublishDiagnosticsParams[],
    refreshRequests: 0,
    shownDocuments: [] as string[],
    log: [] as string[],
    messages: [] as { type: number; message: string }[],
    appliedEdits: [] as WorkspaceEdit[],
    registrations: [] as Registered[],
    progress: [] as TestClient['progress'],
    notifications: [] as TestClient['notifications'],
  };
  let initializeAnswered = false;
  let initializedSent = false;
  child.stderr!.on('data', (chunk: Buffer) => client.log.push(chunk.toString()));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    client.published.push(params);
    notify();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    client.log.push(params.message);
  });
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    client.messages.push(params);
    notify();
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((item) => options.configuration?.(item.section, item.scopeUri) ?? null),
  );
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    // As VS Code's client: it handles registrations only once it has the initialize result.
    if (!initializeAnswered) throw new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method client/registerCapability');
    client.registrations.push(...params.registrations.map(({ method, registerOptions }) => ({ method, registerOptions, afterInitialized: initializedSent })));
    notify();
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
    if (options.refuseProgress) throw new ResponseError(ErrorCodes.InternalError, 'no progress here');
    connection.onProgress(WorkDoneProgress.type, token, (value) => {
      client.progress.push({ token, value });
      notify();
    });
    return null;
  });
  connection.onNotification(STATUS_NOTIFICATION, (params: unknown) => {
    client.notifications.push({ method: STATUS_NOTIFICATION, params });
    notify();
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshRequests++;
    notify();
    return null;
  });
  connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
    client.appliedEdits.push(params.edit);
    notify();
    return { applied: true };
  });
  connection.onRequest('window/showDocument', (params: { uri: string }) => {
    client.shownDocuments.push(params.uri);
    return { success: true };
  });
  connection.listen();

  /** Resolves when `check` returns a value, re-checking after every message that could change it. */
  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    let waiter: () => void = () => undefined;
    const found = new Promise<T>((resolve) => {
      waiter = () => {
        const value = check();
        if (value !== undefined) resolve(value);
      };
      waiters.add(waiter);
      waiter();
    });
    return withTimeout(found, timeoutMs, what).finally(() => waiters.delete(waiter));
  };

  const initializeResult: InitializeResult = await withTimeout(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolder ? fileUri(options.workspaceFolder) : null,
      workspaceFolders: options.workspaceFolder ? [{ uri: fileUri(options.workspaceFolder), name: 'workspace' }] : null,
      capabilities: options.capabilities ?? PULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    }),
    10_000,
    'initialize',
  );
  initializeAnswered = true;
  initializedSent = true;
  await connection.sendNotification('initialized', {});

  return {
    ...client,
    get refreshRequests() {
      return client.refreshRequests;
    },
    initializeResult,
    open(uri, text, languageId = 'json') {
      versions.set(uri, 1);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    changeRange(uri, range, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async pull(uri) {
      const report = await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ kind: string; items?: Diagnostic[] }>, 10_000, `diagnostics of ${uri}`);
      return report.items ?? [];
    },
    waitForPublished(uri, predicate = () => true, timeoutMs = 10_000) {
      // The latest publication for the file is what the client shows; wait until it satisfies `predicate`.
      const latest = () => [...client.published].reverse().find((p) => p.uri === uri)?.diagnostics;
      return until(() => {
        const diagnostics = latest();
        return diagnostics && predicate(diagnostics) ? diagnostics : undefined;
      }, timeoutMs, `diagnostics published for ${uri}`);
    },
    waitForRefresh(timeoutMs = 10_000) {
      const seen = client.refreshRequests;
      return until(() => (client.refreshRequests > seen ? true : undefined), timeoutMs, 'a diagnostic refresh request').then(() => undefined);
    },
    waitUntil(check, what, timeoutMs = 10_000) {
      return until(check, timeoutMs, what);
    },
    waitForRegistration(method, timeoutMs = 10_000) {
      return until(() => client.registrations.find((r) => r.method === method), timeoutMs, `registration of ${method}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          await withTimeout(connection.sendRequest('shutdown'), 5_000, 'shutdown');
          await connection.sendNotification('exit');
        } catch {
          child.kill();
        }
        await withTimeout(exited, 5_000, 'the server to exit').catch(() => child.kill('SIGKILL'));
      }
      connection.dispose();
    },
  };
}
