/**
 * The VS Code side of dockguard: starts the bundled language server over IPC and gets out of the
 * way. Everything a user sees comes from the server; settings are read by the server per resource
 * with `workspace/configuration`. The client knows no file kind: it hands the server every file on
 * disk (vscode-eslint does the same), whatever language another extension gave it, and the server
 * lints those its kind table claims; package.json's activation events come from that table too.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CHECK_HOST_COMMAND, SETTINGS_SECTION, STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('dockguard', { log: true });
  context.subscriptions.push(output);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    // VS Code shows each diagnostic in its own hover: ours would repeat it.
    initializationOptions: { findingsInHover: false } satisfies InitializationOptions,
    outputChannel: output,
  };
  client = new LanguageClient('dockguard', 'dockguard', serverOptions, clientOptions);
  context.subscriptions.push(...statusItems(client));
  try {
    await client.start();
    output.info(`dockguard server started (${module})`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`dockguard server failed to start: ${message}`);
    // VS Code would only log a failed activation; say it where the user looks.
    void vscode.window.showErrorMessage(`dockguard: the language server failed to start: ${message}`, 'Show Log').then((choice) => {
      if (choice) output.show();
    });
  }
}

/**
 * The status-bar items: the server's counts and profile, a spinner while it scans (a click opens
 * Problems); and, when a workspace folder is / or /etc, "Check this host". The language client
 * registers the server's commands, CHECK_HOST_COMMAND among them, as VS Code commands.
 */
function statusItems(languageClient: LanguageClient): vscode.StatusBarItem[] {
  const item = vscode.window.createStatusBarItem('dockguard.status', vscode.StatusBarAlignment.Left);
  item.name = 'dockguard';
  item.command = 'workbench.actions.view.problems';
  item.text = '$(sync~spin) dockguard';
  item.show();
  const hostItem = vscode.window.createStatusBarItem('dockguard.checkHost', vscode.StatusBarAlignment.Left);
  hostItem.name = 'dockguard: Check this host';
  hostItem.command = CHECK_HOST_COMMAND;
  hostItem.text = '$(server-environment) Check this host';
  hostItem.tooltip = "dockguard: check this host's Docker files, owners, modes and engine version (read-only); the findings go to the Problems view.";
  languageClient.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
    if (status.offerHostCheck) hostItem.show();
    else hostItem.hide();
    item.text = `${status.scanning ? '$(sync~spin)' : '$(shield)'} dockguard $(error) ${status.errors} $(warning) ${status.warnings}`;
    item.tooltip = `dockguard: ${status.errors} error(s), ${status.warnings} warning(s), profile ${status.profile}${status.scanning ? ', scanning the workspace' : ''}. Click to open the Problems view.`;
  });
  return [item, hostItem];
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
