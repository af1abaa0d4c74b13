/**
 * The VS Code side of dockguard: starts the bundled language server over IPC for daemon.json files
 * and gets out of the way. Everything a user sees comes from the server; settings are read by the
 * server per resource with `workspace/configuration`.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';

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
    documentSelector: [
      // daemon.json and its variants (docker-daemon.json, daemon-gpu.json …) by name, json or jsonc alike;
      // the server keeps the names it recognises, as its workspace scan does.
      { scheme: 'file', pattern: '**/*daemon*.json' },
      // Every unit file: the server lints only Docker's (docker.service, its drop-ins, units running dockerd).
      { language: 'systemd-unit' },
      // The same files by name, whatever language another systemd extension gave them
      // (coolbear's and hangxingliu's call theirs systemd-unit-file).
      { scheme: 'file', pattern: '**/*.{service,socket}' },
      { scheme: 'file', pattern: '**/*.{service,socket}.d/*.conf' },
      { scheme: 'file', pattern: '**/etc/{default,sysconfig}/docker' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
  };
  client = new LanguageClient('dockguard', 'dockguard', serverOptions, clientOptions);
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

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
