/**
 * The SARIF log passes the SARIF Multitool's SARIF and GitHub ingestion rules (`validate --rule-kind
 * "Sarif;Gh"`) on the examples. The Multitool exits 0 even when it finds errors, so the test reads
 * the results of its output log: none at all, neither errors nor warnings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli } from './harness';

const MULTITOOL = join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

test('the examples\' SARIF has 0 errors and 0 warnings under the Multitool\'s Sarif and Gh rules', { skip: process.platform !== 'linux' || !existsSync(MULTITOOL) ? 'the Multitool binary is Linux only' : undefined }, () => {
  const ws = mkdtempSync(join(tmpdir(), 'dockguard-sarif-'));
  // A repository, so the artifact URIs are relative to its root as GitHub checks them out.
  cpSync(join(REPO, 'examples'), join(ws, 'examples'), { recursive: true });
  mkdirSync(join(ws, '.git'));
  const run = runCli(['lint', '--format', 'sarif', '--fail-on', 'never', '--profile', 'all', 'examples'], ws);
  assert.equal(run.code, 0, run.stderr);
  const input = join(ws, 'dockguard.sarif');
  writeFileSync(input, run.stdout);
  const output = join(ws, 'validation.sarif');
  const validated = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', '--output', output, input], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  assert.equal(validated.status, 0, validated.stdout + validated.stderr);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[] };
  const results = log.runs[0].results ?? [];
  // A result without a level is a warning (SARIF §3.27.10).
  const counted = results.map((r) => `${r.level ?? 'warning'} ${r.ruleId} ${r.message.text ?? r.message.arguments?.join(' | ') ?? ''}`);
  assert.deepEqual(counted.filter((r) => r.startsWith('error ') || r.startsWith('warning ')), []);
  assert.ok(JSON.parse(run.stdout).runs[0].results.length > 20, 'the examples produce findings to check');
});
