/**
 * The Compose benchmark (issue 12, "Speed"): a typical Compose file (~60 lines, four services) and a
 * large one (~5,000 lines, a service per ~25 lines with an anchor they merge). Edit to diagnostics:
 * a keystroke flipping `read_only: true`/`false` in one service, then the file's findings, through the
 * engine's incremental Project (what the server runs per keystroke) and over a real LSP connection.
 */
import { join } from 'node:path';
import { Project } from '../server/src/engine/project';
import { withDefaults } from '../server/src/engine/options';
import { REGISTRY } from '../server/src/registry';
import { fileUri, SERVER_JS, startClient } from '../test/lsp/harness';
import { formatMs, percentile } from './stats';

const ROUNDS = 200;
const LSP_ROUNDS = 40;
const options = withDefaults({ profile: 'all' });

/** One service of ~25 lines: ports, volumes, environment, limits, a health check. */
function service(name: string, index: number, readOnly: boolean): string {
  return `  ${name}:
    <<: *defaults
    image: registry.internal/${name}:1.${index}.0
    read_only: ${readOnly}
    user: "10${String(index).padStart(3, '0')}:10${String(index).padStart(3, '0')}"
    ports:
      - "127.0.0.1:${10000 + index}:8080"   # the service's API
    volumes:
      - ${name}-data:/var/lib/${name}
      - ./config/${name}.yaml:/etc/${name}/config.yaml:ro
    environment:
      LOG_LEVEL: info
      DB_HOST: db
      DB_PASSWORD: \${${name.toUpperCase().replace(/-/g, '_')}_DB_PASSWORD}
    mem_limit: 256m
    cpus: 0.5
    pids_limit: 200
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]
      interval: 30s
      timeout: 5s
      retries: 3
    depends_on:
      - db
    tmpfs:
      - /tmp
`;
}

const HEADER = `x-defaults: &defaults
  restart: on-failure:5
  cap_drop: [ALL]
  security_opt: ["no-new-privileges:true"]
  logging:
    driver: json-file
    options: {max-size: 10m, max-file: "3"}

services:
`;

export function benchCompose(services: number): string {
  const names = Array.from({ length: services }, (_, i) => `svc-${i}`);
  return HEADER + names.map((name, i) => service(name, i, true)).join('') + `volumes:\n${names.map((n) => `  ${n}-data: {}\n`).join('')}`;
}

interface Figures {
  lines: number;
  findings: number;
  engineMs: number;
  lspMs: number;
}

/** The offset of the first service's `read_only: ` value, the text the keystroke flips. */
function flipAt(text: string): number {
  return text.indexOf('read_only: ') + 'read_only: '.length;
}

function engineMs(path: string, text: string): { ms: number; findings: number } {
  const project = new Project(REGISTRY);
  project.set({ path, kind: 'compose', text });
  const findings = project.findings(path, options).findings.length;
  const flipped = text.slice(0, flipAt(text)) + 'false' + text.slice(flipAt(text) + 'true'.length);
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    project.set({ path, kind: 'compose', text: i % 2 === 0 ? flipped : text });
    project.findings(path, options);
    samples.push(performance.now() - t);
  }
  return { ms: percentile(samples, 50), findings };
}

async function lspMs(path: string, text: string): Promise<number> {
  const uri = fileUri(path);
  const client = await startClient({ command: [process.execPath, SERVER_JS, '--stdio'], configuration: () => ({ profile: 'all' }) });
  try {
    client.open(uri, text, 'yaml');
    await client.pull(uri);
    const before = text.slice(0, flipAt(text));
    const line = before.split('\n').length - 1;
    const character = before.length - before.lastIndexOf('\n') - 1;
    let value = 'true';
    const samples: number[] = [];
    for (let i = 0; i < LSP_ROUNDS; i++) {
      const next = value === 'true' ? 'false' : 'true';
      const t = performance.now();
      client.changeRange(uri, { start: { line, character }, end: { line, character: character + value.length } }, next);
      const diagnostics = await client.pull(uri);
      samples.push(performance.now() - t);
      // The answer must follow the edit (DG313 on `read_only: false`), or the timing measures a stale one.
      if (diagnostics.some((d) => d.code === 'DG313') !== (next === 'false')) throw new Error('the Compose file was not re-linted after the edit');
      value = next;
    }
    return percentile(samples, 50);
  } finally {
    await client.stop();
  }
}

/** Both files, both paths; a markdown table. */
export async function runComposeBenchmark(): Promise<string> {
  const rows = ['| file | lines | findings | edit → findings, engine (Project), median | edit → diagnostics, over LSP (pull), median |', '|---|---|---|---|---|'];
  for (const [name, services] of [['typical', 2], ['large', 196]] as const) {
    const path = join(__dirname, 'fixtures', `${name}`, 'compose.yaml');
    const text = benchCompose(services);
    const engine = engineMs(path, text);
    const figures: Figures = { lines: text.split('\n').length - 1, findings: engine.findings, engineMs: engine.ms, lspMs: await lspMs(path, text) };
    rows.push(`| ${name} | ${figures.lines.toLocaleString('en')} | ${figures.findings} | ${formatMs(figures.engineMs)} ms (${ROUNDS}) | ${formatMs(figures.lspMs)} ms (${LSP_ROUNDS}) |`);
  }
  return rows.join('\n');
}
