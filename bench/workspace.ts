/**
 * The generated workspace of issue 10 §8, for the workspace benchmark: at scale 1, 10,000 files of
 * which 1,000 are dockguard's (300 host trees with daemon.json, docker.service and a drop-in; 100
 * lone daemon.json), 4,000 unrelated files and a node_modules of 5,000 that every walk must skip
 * (some of them named like daemon.json and units, so a walk that does not skip it is caught).
 * Scale 2 and 4 multiply every count. The files are a pure function of the scale: no clock, no
 * Math.random, nothing read from the repository, so two runs (and two machines) lint the same bytes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GeneratedFile {
  /** Relative to the workspace root, with `/`. */
  path: string;
  text: string;
}

export const HOSTS = 300;
export const LONE_DAEMON_JSON = 100;
export const UNRELATED = 4_000;
export const NODE_MODULES = 5_000;

/** The files dockguard lints at a scale (the benchmark checks the CLI found exactly these). */
export const relevantFiles = (scale: number) => (HOSTS * 3 + LONE_DAEMON_JSON) * scale;

export const totalFiles = (scale: number) => (HOSTS * 3 + LONE_DAEMON_JSON + UNRELATED + NODE_MODULES) * scale;

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** The host whose daemon.json the LSP benchmark edits. */
export const EDITED_HOST = `hosts/h${pad(0)}`;
export const EDITED_DAEMON_JSON = `${EDITED_HOST}/etc/docker/daemon.json`;

/** A small seeded generator (mulberry32), so the unrelated files differ in size without Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * One host's daemon.json. Every host sets "icc", which its drop-in's `--icc` also sets (DG202 on
 * daemon.json needs the drop-in: the benchmark's proof that the host was loaded), and the rest varies
 * with the index so the hosts do not all give the same findings.
 */
function hostDaemonJson(i: number): string {
  const settings = [
    `  "icc": ${i % 2 === 0}`,
    `  "log-level": "${i % 5 === 0 ? 'debug' : 'info'}"`,
    `  "live-restore": true`,
    `  "userland-proxy": false`,
    ...(i % 3 === 0 ? [] : ['  "no-new-privileges": true']),
    `  "log-driver": "${i % 4 === 0 ? 'json-file' : 'syslog'}"`,
    `  "labels": ["host=h${pad(i)}", "rack=r${i % 20}", "zone=z${i % 3}"]`,
    ...(i % 7 === 0 ? ['  "insecure-registries": ["registry.internal:5000"]'] : []),
    `  "data-root": "/srv/docker/h${pad(i)}"`,
  ];
  return `{\n${settings.join(',\n')}\n}\n`;
}

function hostUnit(i: number): string {
  return [
    '[Unit]',
    `Description=Docker Application Container Engine (host h${pad(i)})`,
    'Documentation=https://docs.docker.com',
    'After=network-online.target docker.socket firewalld.service containerd.service',
    'Wants=network-online.target containerd.service',
    'Requires=docker.socket',
    '',
    '[Service]',
    'Type=notify',
    'ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    'ExecReload=/bin/kill -s HUP $MAINPID',
    'TimeoutStartSec=0',
    'RestartSec=2',
    'Restart=always',
    'LimitNOFILE=infinity',
    'TasksMax=infinity',
    'Delegate=yes',
    'KillMode=process',
    'OOMScoreAdjust=-500',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

function hostDropIn(i: number): string {
  const extra = i % 2 === 0 ? ' \\\n    --default-ulimit nofile=65536:65536' : '';
  return `# Site overrides for h${pad(i)}.\n[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock \\\n    --icc=${i % 3 === 0}${extra}\n`;
}

function loneDaemonJson(i: number): string {
  return `{\n  "log-driver": "journald",\n  "live-restore": ${i % 2 === 0},\n  "registry-mirrors": ["https://mirror-${i % 10}.registry.internal"]\n}\n`;
}

/** An unrelated file of a kind a repository holds (source, docs, YAML, JSON), none named like ours. */
function unrelatedFile(i: number): GeneratedFile {
  const next = random(i + 1);
  const lines = 5 + Math.floor(next() * 60);
  const body = (line: (n: number, token: string) => string) => Array.from({ length: lines }, (_, n) => line(n, Math.floor(next() * 1e9).toString(36))).join('\n');
  const dir = `src/pkg${pad(Math.floor(i / 100), 3)}`;
  switch (i % 4) {
    case 0:
      return { path: `${dir}/module${pad(i)}.ts`, text: `// module ${i}\n${body((n, t) => `export const v${n} = '${t}';`)}\n` };
    case 1:
      return { path: `docs/section${pad(Math.floor(i / 50), 3)}/page${pad(i)}.md`, text: `# Page ${i}\n\n${body((n, t) => `- item ${n}: ${t}`)}\n` };
    case 2:
      return { path: `${dir}/settings${pad(i)}.yaml`, text: `name: settings-${i}\nitems:\n${body((n, t) => `  - key${n}: ${t}`)}\n` };
    default:
      return { path: `${dir}/data${pad(i)}.json`, text: `${JSON.stringify({ id: i, values: body((_, t) => t).split('\n') }, null, 2)}\n` };
  }
}

/** node_modules content; one file in 50 is named like a daemon.json or a unit, and must be skipped all the same. */
function nodeModulesFile(i: number): GeneratedFile {
  const dir = `node_modules/pkg-${pad(Math.floor(i / 25))}`;
  if (i % 50 === 0) return { path: `${dir}/fixtures/daemon.json`, text: '{ "icc": true, "debug": true }\n' };
  if (i % 50 === 25) return { path: `${dir}/fixtures/docker.service`, text: '[Service]\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375\n' };
  if (i % 25 === 1) return { path: `${dir}/package.json`, text: `{ "name": "pkg-${pad(Math.floor(i / 25))}", "version": "1.0.${i % 25}" }\n` };
  return { path: `${dir}/lib/file${pad(i, 5)}.js`, text: `module.exports = ${JSON.stringify({ i, name: `file${i}` })};\n` };
}

/** Every file of the workspace at `scale`, in a fixed order. */
export function* workspaceFiles(scale: number): Generator<GeneratedFile> {
  for (let i = 0; i < HOSTS * scale; i++) {
    const root = `hosts/h${pad(i)}`;
    yield { path: `${root}/etc/docker/daemon.json`, text: hostDaemonJson(i) };
    yield { path: `${root}/lib/systemd/system/docker.service`, text: hostUnit(i) };
    yield { path: `${root}/etc/systemd/system/docker.service.d/override.conf`, text: hostDropIn(i) };
  }
  for (let i = 0; i < LONE_DAEMON_JSON * scale; i++) yield { path: `configs/c${pad(i)}/daemon.json`, text: loneDaemonJson(i) };
  for (let i = 0; i < UNRELATED * scale; i++) yield unrelatedFile(i);
  for (let i = 0; i < NODE_MODULES * scale; i++) yield nodeModulesFile(i);
}

/** Writes the workspace at `scale` into `dir` (an empty temporary folder); returns the number of files. */
export function writeWorkspace(dir: string, scale: number): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of workspaceFiles(scale)) {
    const full = join(dir, file.path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, file.text);
    count++;
  }
  return count;
}

const generated = new Map<number, string>();

/** The workspace at `scale` in a temporary folder, written once per process and removed when it exits. */
export function workspaceAt(scale: number): string {
  let dir = generated.get(scale);
  if (!dir) {
    if (generated.size === 0) {
      process.on('exit', () => generated.forEach((d) => rmSync(d, { recursive: true, force: true })));
      // An interrupted run removes them too ('exit' does not run on a signal by itself).
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
    }
    dir = mkdtempSync(join(tmpdir(), `dockguard-workspace-${scale}x-`));
    writeWorkspace(dir, scale);
    generated.set(scale, dir);
  }
  return dir;
}
