/**
 * `lint --fix-unsafe` over a copy of the corpus's daemon-json/ and systemd/ folders, as an admin runs
 * it on real hosts: it resolves what it called fixable; every daemon.json it writes is strict JSON
 * whose storage-opts its driver takes; no file gains a DG001–DG008 error or a whitespace-only line;
 * no vendor unit is edited in place; no unit it writes gets a `systemd-analyze verify` problem it did
 * not have (where installed), and every line verify faults in the corpus as it is (x13a's
 * `MemoryMax=${VAR}`) dockguard reports too; and a second run changes nothing. Files that fail today for a bug someone is fixing are
 * listed with the reason in KNOWN_FAILURES and must still fail, so the list shrinks as the fixes land.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { decodeBytes } from '../../server/src/engine/decode';
import { kindOfPath } from '../../server/src/engine/kind';
import { REGISTRY } from '../../server/src/registry';
import { CORPUS } from '../corpus-location';
import { runCli, tempWorkspace } from './harness';

type Check = 'strict-json' | 'new-error' | 'storage-opts' | 'blank-line' | 'vendor-edit' | 'systemd-verify' | 'second-run' | 'fix-promised';

/** `check file` (relative to the copy) → why it fails today and whose fix it waits for (issue 11's item). */
const KNOWN_FAILURES: Record<string, string> = {};

interface Finding {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
}

/** Every file below `dir`, relative to it, with its bytes. */
function snapshot(dir: string, sub = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const path = join(sub, name);
    if (statSync(join(dir, path)).isDirectory()) for (const [p, b] of snapshot(dir, path)) files.set(p, b);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

/** What changed from `before` to `after`: written and created files. */
function written(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  return [...after].filter(([path, bytes]) => !before.get(path)?.equals(bytes)).map(([path]) => path);
}

/** The two runs a user would make: every daemon-json/ file named with --kind (moby's test configs have other names), and the systemd/ folder. */
function lintCopy(dir: string, extra: string[]): Finding[] {
  const daemonJson = [...snapshot(dir)].map(([path]) => path).filter((path) => path.startsWith('daemon-json/'));
  const runs = [runCli(['lint', '--format', 'json', '--fail-on', 'never', '--kind', 'daemon-json', ...extra, ...daemonJson], dir), runCli(['lint', '--format', 'json', '--fail-on', 'never', ...extra, 'systemd'], dir)];
  return runs.flatMap((run) => {
    assert.equal(run.stderr, '', `the CLI wrote to stderr (exit ${run.code})`);
    return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  });
}

/** DG001–DG008 errors (parse, schema, removed options, conflicts: dockerd or systemd refuses the file) per file, as `rule message`. */
function refusals(findings: Finding[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || !/^DG00[1-8]$/.test(f.rule)) continue;
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), `${f.rule} ${f.message}`]);
  }
  return byFile;
}

/** The storage-opts entries whose driver prefix is not the configured storage-driver's (none when the file does not parse or sets no driver). */
function foreignStorageOpts(text: string): string[] {
  let config: { 'storage-driver'?: unknown; 'storage-opts'?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return [];
  }
  const driver = config?.['storage-driver'];
  const opts = config?.['storage-opts'];
  if (typeof driver !== 'string' || !Array.isArray(opts)) return [];
  const prefix = driver === 'devicemapper' ? 'dm' : driver;
  return opts.filter((o): o is string => typeof o === 'string' && o.split('=')[0].split('.')[0] !== prefix);
}

const isDaemonJson = (path: string) => path.startsWith('daemon-json/') || kindOfPath(REGISTRY.kinds, path)?.name === 'daemon-json';
const isUnit = (path: string) => /\.(service|socket)$/.test(path);
const dropInUnit = (path: string) => /^(.*\/[^/]+\.(?:service|socket))\.d\/[^/]+\.conf$/.exec(path)?.[1];

const projectOf = (path: string) => path.split('/').slice(0, 2).join('/');

/** The unit file `path` is or is a drop-in of, found in its project's tree wherever it lies (etc/ or lib/). */
function unitOf(path: string, files: string[]): string | undefined {
  if (isUnit(path)) return path;
  const name = dropInUnit(path)?.split('/').pop();
  return files.find((f) => isUnit(f) && projectOf(f) === projectOf(path) && f.endsWith(`/${name}`));
}

/**
 * `systemd-analyze verify` of `unit` with its project's unit folders first on the search path, so its
 * drop-ins and sockets load. Lines about binaries absent here and units absent from the corpus are not problems.
 */
function verify(dir: string, unit: string, files: string[]): string[] {
  const inProject = files.filter((f) => projectOf(f) === projectOf(unit));
  const folders = new Set(inProject.flatMap((f) => (isUnit(f) ? [dirname(f)] : dropInUnit(f) ? [dirname(dropInUnit(f)!)] : [])));
  const present = new Set(inProject.filter(isUnit).map((f) => f.slice(f.lastIndexOf('/') + 1)));
  const run = spawnSync('systemd-analyze', ['verify', join(dir, unit)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, SYSTEMD_UNIT_PATH: `${[...folders].map((f) => join(dir, f)).join(':')}:` },
  });
  return `${run.stdout}${run.stderr}`.split('\n').filter((line) => {
    if (line.trim() === '' || /is not executable: No such file or directory$/.test(line)) return false;
    const missing = /Unit (\S+) not found\.?$/.exec(line)?.[1];
    return !(missing && !present.has(missing));
  });
}

/** `failures` (file → why) are exactly the known failures of `check`: no new one, and none that passes now. */
function onlyKnownFailures(check: Check, failures: Map<string, string>): void {
  const unexpected = [...failures].filter(([file]) => !(`${check} ${file}` in KNOWN_FAILURES)).map(([file, why]) => `${file}: ${why}`);
  const passingNow = Object.keys(KNOWN_FAILURES).filter((key) => key.startsWith(`${check} `) && !failures.has(key.slice(check.length + 1)));
  assert.deepEqual(unexpected, [], `${check}: files that fail and are not in KNOWN_FAILURES`);
  assert.deepEqual(passingNow, [], `${check}: these pass now; remove them from KNOWN_FAILURES`);
}

const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('--fix-unsafe on a copy of the corpus', { skip: CORPUS ? false : 'no corpus found (set DOCKGUARD_CORPUS or put shared/ beside the repo)' }, () => {
  let dir = '';
  let original = new Map<string, Buffer>();
  let fixed = new Map<string, Buffer>();
  let again = new Map<string, Buffer>();
  let findingsBefore: Finding[] = [];
  let findingsAfter: Finding[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dockguard-corpus-fix-'));
    for (const folder of ['daemon-json', 'systemd']) cpSync(join(CORPUS!, folder), join(dir, folder), { recursive: true });
    original = snapshot(dir);
    findingsBefore = lintCopy(dir, []);
    lintCopy(dir, ['--fix-unsafe']);
    fixed = snapshot(dir);
    findingsAfter = lintCopy(dir, []); // read afresh, with any file the fixes created
    lintCopy(dir, ['--fix-unsafe']);
    again = snapshot(dir);
  });

  it('writes files (the checks below would pass vacuously otherwise)', () => {
    assert.ok(written(original, fixed).length >= 20, `wrote only ${written(original, fixed).join(', ')}`);
  });

  it('resolves every finding it called fixable', () => {
    const failures = new Map<string, string>();
    const left = new Set(findingsAfter.map((f) => `${f.file}\u0000${f.rule} ${f.message}`));
    for (const f of findingsBefore.filter((f) => f.fixable && left.has(`${f.file}\u0000${f.rule} ${f.message}`))) {
      failures.set(f.file, [failures.get(f.file), f.rule].filter(Boolean).join(', '));
    }
    onlyKnownFailures('fix-promised', failures);
  });

  it('every daemon.json it writes is strict JSON with an object at the root, as dockerd reads it', () => {
    const failures = new Map<string, string>();
    for (const path of written(original, fixed).filter(isDaemonJson)) {
      try {
        const value: unknown = JSON.parse(decodeBytes(fixed.get(path)!).text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) failures.set(path, 'the root is not an object');
      } catch (error) {
        failures.set(path, (error as Error).message);
      }
    }
    onlyKnownFailures('strict-json', failures);
  });

  it('no written daemon.json has storage-opts its storage-driver refuses that it did not have before', () => {
    // dockerd's storage drivers take only options named after them (dm.*, overlay2.*, btrfs.* …) and
    // refuse to start on another's; checked here apart from DG003, which must catch it too.
    const failures = new Map<string, string>();
    for (const path of written(original, fixed).filter((p) => original.has(p) && isDaemonJson(p))) {
      const refused = (bytes: Buffer) => foreignStorageOpts(decodeBytes(bytes).text);
      const added = refused(fixed.get(path)!).filter((o) => !refused(original.get(path)!).includes(o));
      if (added.length > 0) failures.set(path, added.join(', '));
    }
    onlyKnownFailures('storage-opts', failures);
  });

  it('leaves no whitespace-only line that was not there before', () => {
    const blankLines = (bytes: Buffer) => decodeBytes(bytes).text.split(/\r?\n/).filter((line) => line !== '' && line.trim() === '').length;
    const failures = new Map(written(original, fixed).filter((p) => blankLines(fixed.get(p)!) > (original.has(p) ? blankLines(original.get(p)!) : 0)).map((p) => [p, 'a whitespace-only line'] as const));
    onlyKnownFailures('blank-line', failures);
  });

  it('writes no vendor unit: a fix to one goes to its drop-in under etc/systemd/system', () => {
    onlyKnownFailures('vendor-edit', new Map(written(original, fixed).filter((p) => /(^|\/)(usr\/)?lib\/systemd\/system\/[^/]+$/.test(p)).map((p) => [p, 'edited in place'])));
  });

  it('no file has a DG001–DG008 error after the fix that it did not have before', () => {
    const failures = new Map<string, string>();
    const had = refusals(findingsBefore);
    for (const [file, errors] of refusals(findingsAfter)) {
      const added = errors.filter((e) => !(had.get(file) ?? []).includes(e));
      if (added.length > 0) failures.set(file, added.join(' | '));
    }
    onlyKnownFailures('new-error', failures);
  });

  it('no unit it writes gets a systemd-analyze verify problem it did not have', { skip: !analyze && 'systemd-analyze is not installed' }, () => {
    const failures = new Map<string, string>();
    const files = [...fixed.keys()];
    for (const path of written(original, fixed).filter((p) => p.startsWith('systemd/'))) {
      const unit = unitOf(path, files);
      if (!unit) continue; // a drop-in whose unit is not in the corpus cannot be loaded
      const had = new Set(verify(CORPUS!, unit, [...original.keys()]).map((line) => line.replaceAll(CORPUS!, '')));
      const problems = verify(dir, unit, files).filter((line) => !had.has(line.replaceAll(dir, '')));
      if (problems.length > 0) failures.set(path, problems.join(' | '));
    }
    onlyKnownFailures('systemd-verify', failures);
  });

  it('every line systemd-analyze verify finds fault with in the corpus as it is, dockguard reports too; the check catches such a line', { skip: !analyze && 'systemd-analyze is not installed' }, () => {
    const files = [...original.keys()];
    const units = files.filter((f) => f.startsWith('systemd/') && isUnit(f));
    assert.ok(units.length >= 15);
    const reported = new Set(findingsBefore.map((f) => `${f.file}:${f.line}`));
    const unreported = units.flatMap((unit) =>
      verify(CORPUS!, unit, files).filter((line) => {
        const at = /^(\/\S+?):(\d+): /.exec(line);
        return !at || !reported.has(`${relative(CORPUS!, at[1])}:${at[2]}`);
      }),
    );
    assert.deepEqual(unreported, []);
    const unit = 'systemd/host/lib/systemd/system/docker.service';
    const dropIn = 'systemd/host/etc/systemd/system/docker.service.d/limits.conf';
    const broken = tempWorkspace({ [unit]: '[Service]\nExecStart=/usr/bin/dockerd\n', [dropIn]: '[Service]\nMemoryMax=${LIMIT}\n' });
    assert.deepEqual(verify(broken, unit, [unit, dropIn]), [`${join(broken, dropIn)}:2: Invalid memory limit '\${LIMIT}', ignoring: Invalid argument`]);
  });

  it('a second run changes nothing', () => {
    onlyKnownFailures('second-run', new Map(written(fixed, again).map((path) => [path, 'the second --fix-unsafe changed it again'])));
  });
});
