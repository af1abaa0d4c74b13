/**
 * Real files from the shared corpus (see corpus-location.ts): every file of a kind the engine lints goes
 * through it without throwing and without DG000, and the CLI's text output over the daemon.json
 * corpus is a snapshot, so a change in findings on real files shows in review.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintSources } from '../../server/src/engine/api';
import { decodeBytes } from '../../server/src/engine/decode';
import { kindOfPath } from '../../server/src/engine/kind';
import { withDefaults } from '../../server/src/engine/options';
import type { FileKind } from '../../server/src/engine/types';
import type { SourceFile } from '../../server/src/engine/project';
import { runCli } from '../cli/harness';
import { CORPUS as FOUND_CORPUS } from '../corpus-location';
import { REGISTRY } from '../../server/src/registry';

const CORPUS = FOUND_CORPUS ?? '';
const SNAPSHOT = join(__dirname, '__snapshots__', 'corpus-daemon-json.txt');
const COMPOSE_SNAPSHOT = join(__dirname, '__snapshots__', 'corpus-compose-reviewed.txt');
/** The Compose files whose findings were reviewed by hand (the list says so and why). */
const REVIEWED_COMPOSE = readFileSync(join(__dirname, 'compose-corpus-reviewed.txt'), 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));

/** The corpus folders and the kind of the files in them whose names do not say it (the CLI's --kind). */
const FOLDER_KINDS: Record<string, FileKind> = { 'daemon-json': 'daemon-json', 'systemd': 'systemd', 'compose': 'compose', 'audit-rules': 'audit' };

/** The corpus lines auditctl refuses (DG402 must report them, and nothing else), with its reason. */
const AUDITCTL_REFUSES: Record<string, Record<number, string>> = {
  'Neo23x0-auditd/audit.rules': {
    487: '`-k -F T1078_Valid_Accounts`: -k takes `-F` as its key, leaving a word without an option ("parameter passed without an option given")',
    488: 'the same as line 487',
    718: '`-F obj=` is no field auditctl knows ("-F unknown field: obj"); the kernel also refuses `-F dir=+` (not an absolute path)',
    719: 'the same as line 718',
  },
};

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** One project of the corpus (its first-level folder) as sources, as the CLI would read them. */
function projectSources(projectDir: string, folderKind: FileKind): SourceFile[] {
  return [...walk(projectDir)].flatMap((path) => {
    const kind = kindOfPath(REGISTRY.kinds, path)?.name ?? folderKind;
    if (!isSupportedKind(kind)) return [];
    const decoded = decodeBytes(readFileSync(path));
    return [{ path, kind, text: decoded.text, decodeProblem: decoded.problem?.message, decodeOffset: decoded.problem?.offset }];
  });
}

const isSupportedKind = (kind: FileKind) => REGISTRY.kindsByName.has(kind);

describe('corpus', { skip: FOUND_CORPUS ? false : 'no corpus found (set DOCKGUARD_CORPUS or put shared/ beside the repo)' }, () => {
  for (const [folder, kind] of Object.entries(FOLDER_KINDS)) {
    const supported = isSupportedKind(kind);
    it(`${folder}: every file lints without DG000`, { skip: supported ? false : `dockguard does not lint ${kind} files yet` }, () => {
      let linted = 0;
      for (const project of readdirSync(join(CORPUS, folder)).sort()) {
        const sources = projectSources(join(CORPUS, folder, project), kind);
        linted += sources.length;
        for (const options of [withDefaults({ profile: 'all' }), withDefaults({ profile: 'all', dockerVersion: '20.10' })]) {
          const findings = [...lintSources(sources, options, REGISTRY).findings.values()].flat();
          const internal = findings.filter((f) => f.ruleId === 'DG000').map((f) => `${relative(CORPUS, f.file)}: ${f.message}`);
          assert.deepEqual(internal, [], `${folder}/${project} at dockerd ${options.dockerVersion}`);
        }
      }
      assert.ok(linted > 0, `no ${kind} file found under ${folder}/`);
    });
  }

  describe('audit-rules/: no DG402 but on the lines auditctl itself refuses', () => {
    for (const project of existsSync(join(CORPUS, 'audit-rules')) ? readdirSync(join(CORPUS, 'audit-rules')).sort() : []) {
      const sources = projectSources(join(CORPUS, 'audit-rules', project), 'audit');
      const findings = [...lintSources(sources, withDefaults({ profile: 'all' }), REGISTRY).findings.values()].flat().filter((f) => f.ruleId === 'DG402');
      for (const source of sources) {
        const name = relative(join(CORPUS, 'audit-rules'), source.path);
        it(name, () => {
          const lines = findings.filter((f) => f.file === source.path).map((f) => source.text.slice(0, f.span.start).split('\n').length);
          assert.deepEqual([...new Set(lines)], Object.keys(AUDITCTL_REFUSES[name] ?? {}).map(Number));
        });
      }
    }
  });

  it('the CLI on daemon-json/: the recorded findings and exit code', () => {
    const run = runCli(['lint', '--format', 'concise', '--kind', 'daemon-json', 'daemon-json'], CORPUS);
    assert.equal(run.stderr, '');
    const actual = `${run.stdout}exit ${run.code}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(SNAPSHOT) && !process.env.CI)) writeFileSync(SNAPSHOT, actual);
    assert.ok(existsSync(SNAPSHOT), `missing ${SNAPSHOT} (run with UPDATE_SNAPSHOTS=1)`);
    assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'));
  });

  it('the CLI on the reviewed Compose files: the findings judged right', () => {
    const run = runCli(['lint', '--kind', 'compose', '--profile', 'all', ...REVIEWED_COMPOSE.map((path) => `compose/${path}`)], CORPUS);
    assert.equal(run.stderr, '');
    const actual = `${run.stdout}exit ${run.code}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(COMPOSE_SNAPSHOT) && !process.env.CI)) writeFileSync(COMPOSE_SNAPSHOT, actual);
    assert.ok(existsSync(COMPOSE_SNAPSHOT), `missing ${COMPOSE_SNAPSHOT} (run with UPDATE_SNAPSHOTS=1)`);
    assert.equal(actual, readFileSync(COMPOSE_SNAPSHOT, 'utf8'));
  });
});
