/**
 * `workspace/diagnostic`, the Problems view's pull. While the scan runs, each file is streamed as a
 * partial result once its machine is read (each file once). Afterwards VS Code asks again 2 s after
 * every answer: a client that is up to date is answered when something changes (a long poll), with
 * only what changed, rather than with "unchanged" for every file of the workspace twice a second.
 * A file the client lists that is gone, excluded or out of scope is cleared with an empty report.
 */
import { DocumentDiagnosticReportKind, type CancellationToken, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { diagnosticsOf } from './diagnostics';
import { guard } from './guard';
import { pathOfUri, uriOfPath, type ServerState } from './state';

export function registerWorkspaceDiagnostics(state: ServerState): void {
  state.connection.languages.diagnostics.onWorkspace(
    guard(state, 'workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params, token, _workDone, partial) => {
      const previous = new Map(params.previousResultIds.map((p) => [pathOfUri(p.uri), p.value]));
      /** What this answer has said of each file: its result id, or '' once cleared. */
      const said = new Map<string, string>();
      const reportsOf = async (paths: Iterable<string>): Promise<WorkspaceDocumentDiagnosticReport[]> => {
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        for (const path of new Set(paths)) {
          const uri = uriOfPath(state, path);
          // Open documents are reported by textDocument/diagnostic, with their version; the scan streams pending ones.
          if (state.documents.get(uri) || state.scan.isPending(path)) continue;
          if (!state.project.has(path) || !state.scan.isReported(path)) {
            if (previous.has(path) && said.get(path) !== '') items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
            said.set(path, '');
            state.status.record(path, []);
            continue;
          }
          // The result id first: a cached result is not converted again.
          const { resultId } = state.project.findings(path, await state.settings.optionsFor(path));
          if (said.get(path) === resultId) continue;
          said.set(path, resultId);
          if (previous.get(path) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: (await diagnosticsOf(state, path)).items });
        }
        return items;
      };
      const everyPath = () => [...previous.keys(), ...state.project.paths()];

      if (state.scan.scanning && partial) {
        let streaming = Promise.resolve();
        const stream = (paths: Iterable<string>) => {
          streaming = streaming.then(async () => {
            const items = await reportsOf(paths);
            if (items.length > 0 && !token.isCancellationRequested) partial.report({ items });
          });
        };
        const unsubscribe = state.scan.onSettled(stream);
        stream(everyPath());
        await Promise.race([state.scan.idle(), cancelled(token)]);
        unsubscribe();
        await streaming;
        return { items: [] };
      }

      await Promise.race([state.scan.idle(), cancelled(token)]);
      let paths = everyPath();
      for (;;) {
        const next = nextChange(state);
        const items = await reportsOf(paths);
        if (previous.size === 0 || token.isCancellationRequested || items.some((item) => item.kind !== DocumentDiagnosticReportKind.Unchanged)) return { items };
        paths = await Promise.race([next, cancelled(token).then(() => [])]);
      }
    }),
  );
}

/** The paths of the next change. */
function nextChange(state: ServerState): Promise<string[]> {
  return new Promise((resolve) => {
    const listening = state.changed.event((paths) => {
      listening.dispose();
      resolve(paths);
    });
  });
}

function cancelled(token: CancellationToken): Promise<void> {
  return new Promise((resolve) => token.onCancellationRequested(() => resolve()));
}
