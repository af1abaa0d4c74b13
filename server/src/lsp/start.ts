/**
 * The dockguard language server on a connection: a thin LSP front end over the same engine as the
 * CLI, running the registry it is given (`server.ts` passes the default one).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  Emitter,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Project } from '../engine/project';
import { declareConfigs } from '../engine/project-config';
import type { Registry } from '../engine/registry';
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import { SettingsStore } from './configuration';
import { publishDiagnostics, registerPullDiagnostics } from './diagnostics';
import { readLinkedFiles, registerDocuments, type ChangeListener } from './documents';
import { guard } from './guard';
import { HostCheck } from './host-check';
import { registerHover } from './hover';
import { clientFeatures, pathOfUri, uriOfPath, type ServerState } from './state';
import { StatusReporter } from './status';
import { registerWatchedFiles, watchAddedFiles, watchFiles } from './watched-files';
import { registerWorkspaceDiagnostics } from './workspace-diagnostics';
import { registerWorkspaceFolders } from './workspace-folders';
import { WorkspaceScan } from './workspace-scan';
import { CHECK_HOST_COMMAND, FIX_ALL_KIND, FIX_WORKSPACE_COMMAND, SHOW_DOCUMENTATION_COMMAND } from '../protocol';
import { version } from '../../../package.json';

export function startServer(connection: Connection, registry: Registry): void {
  const documents = new TextDocuments(TextDocument);

  // The last line of defence: a failure outside a request is logged, and the server keeps serving.
  process.on('unhandledRejection', (reason) => connection.console.error(`unexpected failure: ${reason instanceof Error ? reason.stack : String(reason)}`));

  connection.onInitialize((params): InitializeResult => {
    const features = clientFeatures(params.capabilities, params.initializationOptions);
    // The scan and the status reporter read the state they are part of.
    const state = {
      connection,
      documents,
      registry,
      project: new Project(registry),
      settings: new SettingsStore(
        connection,
        features.configuration,
        registry,
        (message) => connection.console.warn(message),
        (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
        (path) => documents.get(uriOfPath(state, path))?.getText(),
      ),
      features,
      uris: new Map(),
      onDisk: new Set(),
      linked: new Map(),
      changed: new Emitter<string[]>(),
    } as Omit<ServerState, 'scan' | 'status' | 'hostCheck'> as ServerState;
    state.settings.onConfigs = (configs) => {
      declareConfigs(state.project, configs);
      // A declared Compose file whose name no kind claims (`deploy/base.yml`) is read as Compose.
      const read = readLinkedFiles(state, configs.flatMap((c) => c.composeProjects.flatMap((p) => p.files.map((path) => ({ path, kind: 'compose' })))));
      if (read.length > 0) onChange(read, {});
    };
    state.scan = new WorkspaceScan(state);
    state.status = new StatusReporter(state);
    state.hostCheck = new HostCheck(state);
    const folders = (params.workspaceFolders ?? []).map((folder) => pathOfUri(folder.uri)).filter((path) => !path.includes('://'));
    state.settings.folders = folders;

    /** After files changed: push their diagnostics, or ask a pull client to pull again. */
    let linkedWatched = 0;
    const onChange: ChangeListener = (paths, cause) => {
      state.changed.fire(paths);
      // An edit can link a file of a name no kind claims (`extends: { file: common/base.yml }`): watch it
      // (the set only grows, so its size says when; a keystroke costs no glob work).
      if (state.linked.size !== linkedWatched) {
        linkedWatched = state.linked.size;
        watchAddedFiles(state);
      }
      if (!features.pullDiagnostics) {
        publishDiagnostics(state, paths).catch((error: Error) => connection.console.error(`publishing diagnostics failed: ${error.stack}`));
      } else if (features.diagnosticRefresh && paths.some((path) => !cause.editedUri || path !== pathOfUri(cause.editedUri))) {
        // The client re-pulls the edited document itself; other files need a refresh.
        connection.languages.diagnostics.refresh().catch(() => undefined);
      }
    };
    // A pull client streams the scan's files through its workspace pull; a push client is sent them.
    state.scan.onSettled((paths) => {
      state.status.schedule();
      if (!features.pullDiagnostics) onChange(paths, {});
    });
    /** Scan folders; then a pull client pulls again for what it asked before the scan read it. */
    const scan = (added: string[]) =>
      state.scan.add(added).then(() => {
        state.status.schedule();
        watchAddedFiles(state);
        if (features.pullDiagnostics) onChange(state.project.paths(), {});
      });

    const watcher = registerWatchedFiles(state, onChange);
    registerDocuments(state, onChange, watcher.configEdited);
    if (features.pullDiagnostics) {
      registerPullDiagnostics(state);
      registerWorkspaceDiagnostics(state);
    }
    registerCodeActions(state);
    registerHover(state);
    registerCompletion(state);

    connection.onInitialized(
      guard(state, 'initialized', undefined, async () => {
        if (features.configurationChangeRegistration) {
          connection.client
            .register(DidChangeConfigurationNotification.type, undefined)
            .catch((error: Error) => connection.console.warn(`could not follow settings changes: ${error.message}`));
        }
        if (features.workspaceFolders) registerWorkspaceFolders(state, scan, onChange);
        watchFiles(state);
        connection.console.info(`dockguard ${version}: scanning ${folders.length} workspace folder(s)`);
        void scan(folders);
      }),
    );
    connection.onDidChangeConfiguration(
      guard(state, 'workspace/didChangeConfiguration', undefined, async () => {
        state.settings.clear();
        const widened = await state.scan.rescope();
        const changed = new Set(state.project.paths());
        // files.exclude and dockguard.exclude may take files out of the walk or let others in.
        for (const folder of state.settings.folders) if (!widened.includes(folder)) for (const path of await state.scan.reapply(folder)) changed.add(path);
        onChange([...changed], {});
        if (widened.length > 0) void scan(widened);
        if (features.pullDiagnostics && !features.diagnosticRefresh) connection.console.warn('settings changed; the client cannot be asked to pull diagnostics again');
      }),
    );

    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: features.pullDiagnostics ? { identifier: 'dockguard', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, FIX_WORKSPACE_COMMAND, CHECK_HOST_COMMAND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'dockguard', version },
    };
  });

  documents.listen(connection);
  connection.listen();
}
