/**
 * Runs the bundled CLI as users do (`node cli.js …` in a child process). The bundle is built once per
 * test file into a temp folder, so the tests do not depend on (or race with) `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import assert from 'node:assert/strict';

export const REPO = join(__dirname, '..', '..');

let bundle: string | undefined;

export function buildCli(): string {
  if (bundle) return bundle;
  const outfile = join(mkdtempSync(join(tmpdir(), 'dockguard-cli-')), 'cli.js');
  esbuild.buildSync({
    entryPoints: [join(REPO, 'server/src/cli/main.ts')],
    outfile,
    bundle: true,
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  bundle = outfile;
  return outfile;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout a pipe; the colour settings of the shell running the tests do not leak in, `env` adds to it. */
export function runCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): CliRun {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [buildCli(), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temp folder holding `files` (path → text or bytes). */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Compares with test/cli/__snapshots__/<name> exactly; UPDATE_SNAPSHOTS=1 rewrites it. */
export function matchSnapshot(name: string, actual: string): void {
  const path = join(__dirname, '__snapshots__', name);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) assert.fail(`missing snapshot ${name}`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its snapshot (review, then UPDATE_SNAPSHOTS=1 to accept)`);
}

/** The hardened example host's daemon.json: no finding under the recommended profile. */
export const HARDENED_DAEMON_JSON = readFileSync(join(REPO, 'examples/hardened-host/etc/docker/daemon.json'), 'utf8');
