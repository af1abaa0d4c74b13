/**
 * The systemd benchmark (issue 5, "Speed"): a docker.service of ~200 lines of dockerd flags on
 * continuation lines, beside a daemon.json of the same host. Measures, through the engine's
 * incremental Project (what the server runs per keystroke) and over a real LSP connection:
 *   - a keystroke in the unit (flipping `--icc=false`/`true`) → the unit's findings
 *   - a change to daemon.json (adding or removing "icc", which the unit's --icc then conflicts with,
 *     DG202) → the re-lint of the unit of the same host
 * Target: ≤ 5 ms median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../server/src/engine/project';
import { withDefaults } from '../server/src/engine/options';
import { fileUri, SERVER_JS, startClient } from '../test/lsp/harness';
import { formatMs, percentile } from './stats';
import { REGISTRY } from '../server/src/registry';

const ROUNDS = 200;
const LSP_ROUNDS = 40;
const options = withDefaults({ profile: 'all' });

/** ~200 lines: the stock unit's directives and an ExecStart of flags that are not findings, plus `--icc`. */
export function benchUnit(): string {
  const flags = [
    ...Array.from({ length: 60 }, (_, i) => `--label=rack=r${i}`),
    ...Array.from({ length: 60 }, (_, i) => `--registry-mirror=https://mirror-${i}.registry.internal`),
    ...Array.from({ length: 50 }, (_, i) => `--dns-search=zone${i}.internal`),
    '--containerd=/run/containerd/containerd.sock',
    '--icc=false',
  ];
  return [
    '[Unit]',
    'Description=Docker Application Container Engine',
    'After=network-online.target docker.socket containerd.service',
    'Wants=network-online.target containerd.service',
    'Requires=docker.socket',
    '',
    '[Service]',
    'Type=notify',
    'ExecStart=',
    `ExecStart=/usr/bin/dockerd -H fd:// \\\n${flags.map((f) => `    ${f}`).join(' \\\n')}`,
    'ExecReload=/bin/kill -s HUP $MAINPID',
    'Restart=always',
    'Delegate=yes',
    'KillMode=process',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

const DAEMON_JSON = (withIcc: boolean) => `{\n  "userland-proxy": false,\n  "no-new-privileges": true,\n${withIcc ? '  "icc": false,\n' : ''}  "live-restore": true,\n  "log-driver": "syslog"\n}\n`;

interface Figures {
  lines: number;
  findings: number;
  keystrokeMs: number;
  daemonJsonChangeMs: number;
}

/** In-process, through the Project the server keeps: parse one file, re-lint one host. */
function engineFigures(root: string): Figures {
  const unitPath = join(root, 'etc/systemd/system/docker.service');
  const jsonPath = join(root, 'etc/docker/daemon.json');
  const unit = benchUnit();
  const project = new Project(REGISTRY);
  project.set({ path: unitPath, kind: 'systemd', text: unit });
  project.set({ path: jsonPath, kind: 'daemon-json', text: DAEMON_JSON(false) });
  const findings = project.findings(unitPath, options).findings.length;
  const keystrokes: number[] = [];
  const jsonChanges: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    project.set({ path: unitPath, kind: 'systemd', text: i % 2 === 0 ? unit.replace('--icc=false', '--icc=true') : unit });
    project.findings(unitPath, options);
    keystrokes.push(performance.now() - t);
    t = performance.now();
    project.set({ path: jsonPath, kind: 'daemon-json', text: DAEMON_JSON(i % 2 === 0) });
    const after = project.findings(unitPath, options).findings;
    jsonChanges.push(performance.now() - t);
    if (after.some((f) => f.ruleId === 'DG202') !== (i % 2 === 0)) throw new Error('the unit was not re-linted after the daemon.json change');
  }
  return { lines: unit.split('\n').length, findings, keystrokeMs: percentile(keystrokes, 50), daemonJsonChangeMs: percentile(jsonChanges, 50) };
}

/** Over LSP: didChange of the unit → its pulled diagnostics; didChange of daemon.json → the unit's. */
async function lspFigures(root: string): Promise<Figures> {
  const unit = benchUnit();
  const unitUri = fileUri(join(root, 'etc/systemd/system/docker.service'));
  const jsonUri = fileUri(join(root, 'etc/docker/daemon.json'));
  const client = await startClient({ command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({ profile: 'all' }) });
  try {
    client.open(jsonUri, DAEMON_JSON(false), 'json');
    client.open(unitUri, unit, 'systemd-unit');
    const findings = (await client.pull(unitUri)).length;
    const lines = unit.split('\n');
    const line = lines.findIndex((l) => l.includes('--icc='));
    const character = lines[line].indexOf('--icc=') + '--icc='.length;
    let icc = 'false';
    let jsonHasIcc = false;
    const keystrokes: number[] = [];
    const jsonChanges: number[] = [];
    for (let i = 0; i < LSP_ROUNDS; i++) {
      const nextIcc = icc === 'false' ? 'true' : 'false';
      let t = performance.now();
      client.changeRange(unitUri, { start: { line, character }, end: { line, character: character + icc.length } }, nextIcc);
      await client.pull(unitUri);
      keystrokes.push(performance.now() - t);
      icc = nextIcc;
      jsonHasIcc = !jsonHasIcc;
      t = performance.now();
      client.change(jsonUri, DAEMON_JSON(jsonHasIcc));
      const diagnostics = await client.pull(unitUri);
      jsonChanges.push(performance.now() - t);
      // The unit's findings must follow daemon.json, or the timing measures a stale answer.
      if (diagnostics.some((d) => d.code === 'DG202') !== jsonHasIcc) throw new Error('the unit was not re-linted after the daemon.json change');
    }
    return { lines: lines.length, findings, keystrokeMs: percentile(keystrokes, 50), daemonJsonChangeMs: percentile(jsonChanges, 50) };
  } finally {
    await client.stop();
  }
}

/** Runs both measurements and returns a markdown table, printing nothing itself. */
export async function runSystemdBenchmark(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-systemd-bench-'));
  try {
    const engine = engineFigures(root);
    const lsp = await lspFigures(root);
    return [
      `docker.service of ${engine.lines} lines (${engine.findings} findings, profile all) beside daemon.json; target ≤ 5 ms median`,
      '',
      '| figure | engine (Project) | over LSP (pull) |',
      '|---|---|---|',
      `| keystroke in docker.service → its diagnostics, median | ${formatMs(engine.keystrokeMs)} ms (${ROUNDS}) | ${formatMs(lsp.keystrokeMs)} ms (${LSP_ROUNDS}) |`,
      `| daemon.json change → docker.service re-linted, median | ${formatMs(engine.daemonJsonChangeMs)} ms (${ROUNDS}) | ${formatMs(lsp.daemonJsonChangeMs)} ms (${LSP_ROUNDS}) |`,
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runSystemdBenchmark().then(
    (report) => console.log(report),
    (error: Error) => {
      console.error(error.stack);
      process.exitCode = 1;
    },
  );
}
