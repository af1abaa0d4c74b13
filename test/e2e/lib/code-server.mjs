// One code-server (the VS Code 1.100 workbench) for a test run: a fresh extensions dir holding the
// .vsix, a throwaway user-data dir, 127.0.0.1 on a free port. Each scenario opens its own folder in
// its own browser page, so it gets its own extension host and language server.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { once } from 'node:events';

const START_TIMEOUT_MS = 60_000;

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

// The user settings of the throwaway profile: nothing that pops up over the editor or phones home.
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'security.workspace.trust.startupPrompt': 'always',
  'window.restoreWindows': 'none',
  // The scenario folders sit inside this repository's checkout: no "open the parent repository?" toast.
  'git.openRepositoryInParentFolders': 'never',
};

// DOCKGUARD_E2E_TRACE=1: the LSP traffic of dockguard's and the JSON language server's clients in the
// workbench logs (the log level must be trace for a LogOutputChannel to keep it).
const TRACE = process.env.DOCKGUARD_E2E_TRACE === '1';
const TRACE_USER_SETTINGS = { 'dockguard.trace.server': 'verbose', 'json.trace.server': 'verbose' };

/**
 * Installs the .vsix into a fresh extensions dir and starts code-server. `root` is emptied first: a
 * folder of the run's output; everything code-server writes goes there. Returns the URL base, the log paths
 * and `stop()`.
 */
export async function startCodeServer({ codeServerBin, vsixPath, root }) {
  // A run must not inherit the last one's profile or installed extension (an older build of the same version).
  rmSync(root, { recursive: true, force: true });
  const extensionsDir = join(root, 'extensions');
  const userDataDir = join(root, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_USER_SETTINGS, ...(TRACE ? TRACE_USER_SETTINGS : {}) }, null, 2));
  const dirs = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  execFileSync(process.execPath, [codeServerBin, ...dirs, '--install-extension', vsixPath], { stdio: 'pipe' });

  const port = await freePort();
  const logPath = join(root, 'code-server.log');
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [codeServerBin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(TRACE ? ['--log', 'trace'] : []), ...dirs], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  // Ready when it says where it listens; an early exit or the timeout fails with the log's path.
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS} ms; log: ${logPath}`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      if (String(chunk).includes('HTTP server listening on')) { clearTimeout(timer); child.stdout.off('data', onData); resolve(); }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited with ${code} before listening; log: ${logPath}`)); });
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logPath,
    /** The workbench's own logs, the extension host's and the dockguard output channel's among them. */
    userLogsDir: join(userDataDir, 'logs'),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
      log.end();
    },
  };
}
