/**
 * The `dockguard/status` notification behind the client's status-bar item: the error and warning
 * counts of what the Problems view lists, the profile in use, whether the scan runs and whether
 * to offer "Check this host" (a workspace folder is `/` or `/etc`). Counts are
 * kept per file as its diagnostics are computed, and the notification is sent once changes stop
 * coming for a moment (a scan settles files in hundreds of batches).
 */
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { withDefaults } from '../engine/options';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import type { ServerState } from './state';

const QUIET_MS = 50;
/** Workspace folders that are a host's configuration, where the item offers "Check this host". */
const HOST_FOLDERS = new Set(['/', '/etc']);

export class StatusReporter {
  private readonly counts = new Map<string, { errors: number; warnings: number }>();
  private timer: NodeJS.Timeout | undefined;
  private last = '';

  constructor(private readonly state: ServerState) {}

  /** A file's diagnostics as the client now has them (none: forget the file). */
  record(path: string, diagnostics: readonly Diagnostic[]): void {
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    if (errors + warnings === 0) this.counts.delete(path);
    else this.counts.set(path, { errors, warnings });
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.send().catch((error: Error) => this.state.connection.console.error(`sending the status failed: ${error.stack}`));
    }, QUIET_MS);
  }

  private async send(): Promise<void> {
    let errors = 0;
    let warnings = 0;
    for (const count of this.counts.values()) {
      errors += count.errors;
      warnings += count.warnings;
    }
    // The options of each folder's top level (a folder's `.dockguard.yaml` included).
    const folders = this.state.settings.folders;
    const profiles = folders.length === 0 ? [withDefaults().profile] : await Promise.all(folders.map(async (folder) => (await this.state.settings.optionsFor(join(folder, PROJECT_CONFIG_NAME))).profile));
    const offerHostCheck = folders.some((folder) => HOST_FOLDERS.has(folder));
    const status: StatusParams = { errors, warnings, profile: [...new Set(profiles)].join(', '), scanning: this.state.scan.scanning, offerHostCheck };
    const text = JSON.stringify(status);
    if (text === this.last) return;
    this.last = text;
    await this.state.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}
