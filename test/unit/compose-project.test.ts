/**
 * Compose projects as merged (model/compose/project.ts): each fixture project's merged model as a
 * readable snapshot (every service setting with the file and line that set it), and, for the
 * overrides, `extends` across folders and COMPOSE_FILE cases — where Compose v1 and v2 merge alike —
 * the effective settings against `docker-compose config` of Debian's docker-compose 1.29.2, recorded
 * beside each fixture as oracle.yaml. The v2-only cases (include, !reset, !override) follow the spec.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { lintSources } from '../../server/src/engine/api';
import { kindOfPath } from '../../server/src/engine/kind';
import { withDefaults } from '../../server/src/engine/options';
import { LineIndex } from '../../server/src/engine/positions';
import { interpolate } from '../../server/src/formats/compose/interpolation';
import type { TreeNode } from '../../server/src/formats/compose/yaml-tree';
import type { DotenvFile } from '../../server/src/formats/compose/dotenv';
import type { ComposeFile } from '../../server/src/formats/compose/parse';
import { buildProjects } from '../../server/src/model/compose/project';
import type { ComposeModel } from '../../server/src/model/compose/services';
import { REGISTRY } from '../../server/src/registry';

const HERE = join(__dirname, 'compose-project');
const RULES = join(__dirname, '..', 'rules');
const SNAPSHOT = join(__dirname, '__snapshots__', 'compose-projects.txt');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (!name.endsWith('.snap') && name !== 'oracle.yaml') yield full;
  }
}

function projectsOf(dir: string): ComposeModel[] {
  const sources = [...walk(dir)].map((path) => ({ path, text: readFileSync(path, 'utf8'), kind: kindOfPath(REGISTRY.kinds, path)?.name ?? (path.endsWith('.env') ? 'compose-env' : 'compose') }));
  const { project } = lintSources(sources, withDefaults({}), REGISTRY);
  const keys = [...new Set(sources.map((s) => project.machineKeyOf(s.path)!))];
  // Each project apart (the machine's one model instance joins them).
  return keys.flatMap((key) => {
    const machine = project.machine(key);
    return buildProjects(machine.filesOf<ComposeFile>('compose'), machine.filesOf<DotenvFile>('compose-env'));
  });
}

/** A value as Compose runs it: strings interpolated (unknown parts as ${…}). */
function plain(node: TreeNode): unknown {
  if (node.type === 'scalar') return typeof node.value === 'string' ? interpolate(node.value).text.split('\u0000').join('${…}') : node.value;
  if (node.type === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.members.map((m) => [m.key, plain(m.value)]));
}

function render(dir: string, models: ComposeModel[]): string {
  const where = (file: string, offset: number) => `${relative(dir, file)}:${new LineIndex(readFileSync(file, 'utf8')).positionAt(offset).line + 1}`;
  const out: string[] = [];
  for (const model of models) {
    out.push(`project ${model.files.map((f) => relative(dir, f.path)).join(' + ')}`);
    for (const service of model.services) {
      out.push(`  ${service.name}${service.partial ? ' (partial)' : ''} at ${where(service.file, service.keySpan.start)}`);
      for (const m of service.settings.members) out.push(`    ${m.key}: ${JSON.stringify(plain(m.value))}  ← ${where(m.value.file, m.span.start)}`);
    }
    for (const p of model.problems) out.push(`  ${p.kind} at ${where(p.file, p.span.start)}: ${p.message}`);
    for (const c of model.clashes) out.push(`  clash ${c.resource}.${c.name} at ${where(c.at.file, c.at.span.start)} and ${where(c.other.file, c.other.span.start)}`);
  }
  return out.join('\n');
}

const CASES = [
  ...['override', 'extends-folders', 'compose-file-env', 'keyed-merge', 'reset-override'].map((name) => join(HERE, name)),
  ...[
    'compose-project/dg301-privileged-container/invalid-include-env-file',
    'compose-project/dg332-include-clash/invalid-service-in-both',
    'compose-project/dg332-include-clash/invalid-two-includes',
    'compose-project/dg011-remote-reference-not-checked/invalid-remote',
    'compose/dg003-invalid-value/invalid-extends-cycle',
    'compose/dg003-invalid-value/invalid-include-cycle',
    'compose/dg003-invalid-value/invalid-missing-extends-file',
  ].map((name) => join(RULES, name)),
];

test('each fixture project merges as recorded (tests/unit/__snapshots__/compose-projects.txt)', () => {
  const actual = CASES.map((dir) => `## ${relative(join(__dirname, '..'), dir)}\n${render(dir, projectsOf(dir))}\n`).join('\n');
  if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(SNAPSHOT) && !process.env.CI)) writeFileSync(SNAPSHOT, actual);
  assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'));
});

/**
 * A service's settings in one form whatever the file wrote (v1's `config` rewrites ports to the long
 * syntax, volumes to absolute paths, environment and labels to mappings): lists of NAME=value as
 * mappings, volumes as their sorted targets, ports as sorted `published:target`.
 */
function normalized(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if ((key === 'environment' || key === 'labels') && Array.isArray(value)) out[key] = Object.fromEntries(value.map((e) => String(e).split(/=(.*)/s).slice(0, 2)));
    else if (key === 'volumes' && Array.isArray(value)) out[key] = value.map((v) => String(v).split(':')[1]).sort();
    else if (key === 'ports' && Array.isArray(value)) {
      out[key] = value.map((p) => (typeof p === 'object' && p ? `${(p as { published: unknown }).published}:${(p as { target: unknown }).target}` : String(p).replace(/\/tcp$/, '').split(':').slice(-2).join(':'))).sort();
    } else out[key] = value;
  }
  return out;
}

for (const oracle of ['override', 'extends-folders/app', 'compose-file-env', 'keyed-merge']) {
  test(`${oracle}: the merged services are what docker-compose 1.29 config renders`, () => {
    const dir = join(HERE, oracle);
    const expected = parse(readFileSync(join(dir, 'oracle.yaml'), 'utf8')).services as Record<string, Record<string, unknown>>;
    const model = projectsOf(join(HERE, oracle.split('/')[0])).find((m) => m.file.path.startsWith(dir + '/') && !m.file.path.slice(dir.length + 1).includes('/'))!;
    const ours = Object.fromEntries(model.services.map((s) => [s.name, normalized(Object.fromEntries(s.settings.members.filter((m) => m.key !== 'extends').map((m) => [m.key, plain(m.value)])))]));
    assert.deepEqual(ours, Object.fromEntries(Object.entries(expected).map(([name, settings]) => [name, normalized(settings)])));
  });
}
