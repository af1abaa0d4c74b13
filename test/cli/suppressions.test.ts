/**
 * Suppressions with reasons, as the CLI reports them: left out by default (GitHub opens an alert for
 * a SARIF result even when it carries `suppressions`), and with `--report-suppressed` in JSON with
 * the reason and in SARIF as `suppressions[]` (`inSource` for a pragma, `external` for a config
 * `overrides` entry) with the justification.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HARDENED_DAEMON_JSON, runCli, tempWorkspace } from './harness';

const UNIT = `[Service]
ExecStart=
# dockguard-disable-next-line DG105 -- the build cache needs experimental features
ExecStart=/usr/bin/dockerd --experimental
`;
const ICC_TRUE = HARDENED_DAEMON_JSON.replace('"icc": false', '"icc": true');

describe('suppressions with reasons', () => {
  const ws = tempWorkspace({
    '.git/HEAD': '',
    '.dockguard.yaml': 'overrides:\n  - files: [gpu/etc/docker/daemon.json]\n    rules: [DG103]\n    reason: the GPU jobs talk over the default bridge\n',
    'gpu/etc/docker/daemon.json': ICC_TRUE,
    'gpu/etc/systemd/system/docker.service.d/override.conf': UNIT,
    'web/etc/docker/daemon.json': ICC_TRUE,
  });
  type Json = { findings: { file: string; rule: string; suppressed?: { kind: string; reason: string | null } }[] };
  const rulesOf = (json: Json) => json.findings.map((f) => `${f.file} ${f.rule}${f.suppressed ? ` suppressed by ${f.suppressed.kind}: ${f.suppressed.reason}` : ''}`);

  it('leaves suppressed findings out of every output by default', () => {
    const run = runCli(['lint', '--format', 'json', '--fail-on', 'warning', '.'], ws);
    assert.deepEqual(rulesOf(JSON.parse(run.stdout)), ['web/etc/docker/daemon.json DG103']);
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', '.'], ws).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['DG103']);
  });

  it('--report-suppressed adds them to JSON with the reason, and they do not fail the run', () => {
    const only = tempWorkspace({ '.dockguard.yaml': 'overrides:\n  - files: ["**/daemon.json"]\n    rules: [DG103]\n', 'etc/docker/daemon.json': ICC_TRUE });
    const quiet = runCli(['lint', '--format', 'json', '--fail-on', 'warning', '--report-suppressed', '.'], only);
    assert.deepEqual([quiet.code, rulesOf(JSON.parse(quiet.stdout))], [0, ['etc/docker/daemon.json DG103 suppressed by config: null']]);
    const run = runCli(['lint', '--format', 'json', '--report-suppressed', '.'], ws);
    assert.deepEqual(rulesOf(JSON.parse(run.stdout)), [
      'gpu/etc/docker/daemon.json DG103 suppressed by config: the GPU jobs talk over the default bridge',
      'gpu/etc/systemd/system/docker.service.d/override.conf DG105 suppressed by pragma: the build cache needs experimental features',
      'web/etc/docker/daemon.json DG103',
    ]);
  });

  it('--report-suppressed gives SARIF results their suppressions, inSource for a pragma and external for the config', () => {
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', '--report-suppressed', '.'], ws).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; suppressions?: unknown }) => [r.ruleId, r.suppressions]), [
      ['DG103', [{ kind: 'external', justification: 'the GPU jobs talk over the default bridge' }]],
      ['DG105', [{ kind: 'inSource', justification: 'the build cache needs experimental features' }]],
      ['DG103', undefined],
    ]);
  });

  it('--report-suppressed with the text format is a usage error', () => {
    const run = runCli(['lint', '--report-suppressed', '.'], ws);
    assert.deepEqual([run.code, run.stderr], [2, 'dockguard: --report-suppressed needs --format json or sarif (see dockguard --help)\n']);
  });

  it('DG009 reports an overrides entry that suppresses nothing, at the entry in the config', () => {
    const stale = tempWorkspace({
      '.git/HEAD': '',
      '.dockguard.yaml': 'overrides:\n  - files: [etc/docker/daemon.json]\n    rules: [DG103]\n  - files: [old/daemon.json]\n    rules: [DG105]\n    reason: the old GPU host\n',
      'etc/docker/daemon.json': ICC_TRUE,
    });
    const run = runCli(['lint', '--format', 'concise', '.'], stale);
    assert.equal(run.stdout, '.dockguard.yaml:4:5 info DG009 Unused override: DG105 reports nothing in old/daemon.json. [unused-suppression] (fixable with --fix)\n2 files linted against dockerd 29.7: 0 errors, 0 warnings, 1 info (1 fixable with --fix)\n');
  });
});
