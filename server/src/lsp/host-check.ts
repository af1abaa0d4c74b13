/**
 * "dockguard: Check this host" (CHECK_HOST_COMMAND): host mode on a root, in the server, read-only
 * as on the command line. Its findings are pushed on the host's own files, whatever the client's
 * diagnostic mode (they belong to no workspace document it would pull), and a re-run clears the
 * files that no longer have any. The lint options are the client's `dockguard` settings: as with
 * `dockguard host`, no `.dockguard.yaml` is looked up beside a host's files.
 */
import { resolve } from 'node:path';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { isFolder } from '../engine/files';
import { withDefaults } from '../engine/options';
import type { Finding } from '../engine/types';
import { scanHost } from '../host/collect';
import { LineIndex } from '../engine/positions';
import { SETTINGS_SECTION, type CheckHostArguments, type CheckHostResult, type DockguardSettings } from '../protocol';
import { settingsToOptions } from './configuration';
import { toDiagnostic } from './diagnostics';
import { uriOfPath, type ServerState } from './state';

/** Runs one check at a time: a second waits for the first, so their clears never cross. */
export class HostCheck {
  private published = new Set<string>();
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly state: ServerState) {}

  run(args: CheckHostArguments | undefined): Promise<CheckHostResult> {
    const next = this.running.then(() => this.check(args));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async check(args: CheckHostArguments | undefined): Promise<CheckHostResult> {
    const { connection } = this.state;
    const settings = await this.settings();
    const root = resolve(typeof args?.root === 'string' && args.root !== '' ? args.root : settings.hostRoot || '/');
    if (!isFolder(root)) {
      const result = { root, problem: `${root} is not a folder: there is no host to check there` };
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `dockguard: ${result.problem}` });
      return result;
    }
    const options = withDefaults(settingsToOptions(settings, (message) => connection.console.warn(message)));
    const scan = scanHost(root, this.state.registry);
    const findings: Finding[] = [];
    const sent: Promise<void>[] = [];
    const now = new Set<string>();
    const indexes = new Map<string, LineIndex>();
    const positionsOf = (path: string) => {
      let index = indexes.get(path);
      if (!index) indexes.set(path, (index = new LineIndex(scan.project.source(path)?.text ?? '')));
      return index;
    };
    for (const source of scan.sources) {
      const found = scan.project.findings(source.path, options).findings;
      if (found.length === 0) continue;
      findings.push(...found);
      const uri = uriOfPath(this.state, source.path);
      now.add(uri);
      sent.push(connection.sendDiagnostics({ uri, diagnostics: found.map((finding) => toDiagnostic(this.state, finding, { positionsOf })) }));
    }
    for (const uri of this.published) if (!now.has(uri)) sent.push(connection.sendDiagnostics({ uri, diagnostics: [] }));
    this.published = now;
    await Promise.all(sent);
    const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
    const result = { root, files: scan.fileCount, errors: count('error'), warnings: count('warning'), infos: count('info') };
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `dockguard: checked the host at ${root}: ${result.files} files, ${result.errors} errors, ${result.warnings} warnings, ${result.infos} info (in the Problems view)` });
    return result;
  }

  /** The client's `dockguard` settings, not scoped to a folder (a host's files are in none). */
  private async settings(): Promise<DockguardSettings> {
    if (!this.state.features.configuration) return {};
    try {
      const [settings] = await this.state.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      return (settings as DockguardSettings | null) ?? {};
    } catch {
      return {};
    }
  }
}
