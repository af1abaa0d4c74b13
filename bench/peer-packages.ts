/**
 * The Compose benchmark's peers are installed outside the project's dependencies: they declare Node
 * ≥ 22 (npm ci would warn on the Node 20 dockguard targets, though they run on it) and no user of
 * dockguard needs them. The first `npm run bench` installs them from the npm registry into a cache
 * folder, as the editor suite installs its tools (test/e2e/setup.mjs); later runs only check them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The peers, at the versions BENCHMARKS.md reports. */
const PEER_PACKAGES = { 'yaml-language-server': '2.0.0', '@microsoft/compose-language-service': '1.0.0' } as const;
export type PeerPackage = keyof typeof PEER_PACKAGES;

function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dockguard-bench');
}

function installedVersion(name: PeerPackage): string | undefined {
  const manifest = join(cacheDir(), 'node_modules', name, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

let installing: string | undefined;

/**
 * The folder of each peer's package, installed if need be; a reason instead when it cannot be (no
 * registry here), so the benchmark skips that peer and says why.
 */
export function peerPackage(name: PeerPackage): { dir: string } | { missing: string } {
  const missing = (Object.keys(PEER_PACKAGES) as PeerPackage[]).filter((peer) => installedVersion(peer) !== PEER_PACKAGES[peer]);
  if (missing.length > 0 && installing === undefined) {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    // Its own package.json, so npm installs here and never walks up into the project.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dockguard-bench-peers', private: true, dependencies: PEER_PACKAGES }, null, 2) + '\n');
    console.error(`bench: installing ${missing.map((peer) => `${peer}@${PEER_PACKAGES[peer]}`).join(', ')} into ${dir}`);
    try {
      // The peers are plain JavaScript: no install script needs to run.
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      installing = '';
    } catch (error) {
      installing = `npm install in ${dir} failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}`;
    }
  }
  if (installedVersion(name) === PEER_PACKAGES[name]) return { dir: join(cacheDir(), 'node_modules', name) };
  return { missing: `${name}@${PEER_PACKAGES[name]} is not installed (${installing || 'not tried'})` };
}
