/**
 * The systemd parsers on real and arbitrary input: every corpus unit parses, DG207 agrees with
 * `systemd-analyze verify` about unknown sections and keys, the parsers never throw, and the dockerd
 * flags print back to the tokens they were parsed from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { lintSources } from '../../server/src/engine/api';
import { withDefaults } from '../../server/src/engine/options';
import { LineIndex } from '../../server/src/engine/positions';
import { parseDockerdArguments, printArguments } from '../../server/src/formats/systemd/dockerd-flags';
import { parseEnvFile } from '../../server/src/formats/systemd/env-file';
import { DOCKERD_FLAGS } from '../../server/src/model/flag-table';
import { locatedSlice } from '../../server/src/formats/systemd/located';
import { dockerdExec, parseSystemd } from '../../server/src/formats/systemd/parse';
import { splitWords } from '../../server/src/formats/systemd/words';
import { CORPUS as FOUND_CORPUS } from '../corpus-location';
import { REGISTRY } from '../../server/src/registry';

const CORPUS = join(FOUND_CORPUS ?? '', 'systemd');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

const corpusFiles = (() => {
  try {
    return [...walk(CORPUS)].filter((f) => /\.(service|socket|conf)$/.test(f));
  } catch {
    return [];
  }
})();

const options = withDefaults({ profile: 'all' });

describe('systemd corpus', () => {
  it('every unit parses and no rule throws', { skip: corpusFiles.length === 0 && 'corpus not present' }, () => {
    const sources = corpusFiles.map((path) => ({ path, kind: 'systemd' as const, text: readFileSync(path, 'utf8') }));
    const findings = [...lintSources(sources, options, REGISTRY).findings.values()].flat();
    assert.deepEqual(findings.filter((f) => f.ruleId === 'DG000' || f.ruleId === 'DG001').map((f) => f.message), []);
  });

  const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it('DG207 reports the unknown sections and keys that systemd-analyze verify reports', { skip: !analyze && 'systemd-analyze not installed' }, () => {
    const units = corpusFiles.filter((f) => /\.(service|socket)$/.test(f));
    for (const path of units) {
      const dir = mkdtempSync(join(tmpdir(), 'dockguard-verify-'));
      const copy = join(dir, path.slice(path.lastIndexOf('/') + 1));
      copyFileSync(path, copy);
      const run = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8', timeout: 30_000 });
      const theirs = `${run.stdout}${run.stderr}`.split('\n').flatMap((line) => {
        const key = /:(\d+): Unknown key '([^']+)' in section \[([^\]]+)\]/.exec(line);
        if (key) return [`${key[1]}: key ${key[2]}`];
        const section = /:(\d+): Unknown section '([^']+)'/.exec(line);
        return section ? [`${section[1]}: section ${section[2]}`] : [];
      });
      const text = readFileSync(path, 'utf8');
      const index = new LineIndex(text);
      const ours = (lintSources([{ path: copy, kind: 'systemd', text }], options, REGISTRY).findings.get(copy) ?? [])
        .filter((f) => f.ruleId === 'DG207' && /^unknown (directive|section)/.test(f.message))
        .map((f) => `${index.positionAt(f.span.start).line + 1}: ${f.message.startsWith('unknown section') ? 'section' : 'key'} ${/^unknown \w+ \[?([^=\]\s]+)/.exec(f.message)![1]}`);
      assert.deepEqual(ours.sort(), theirs.sort(), relative(CORPUS, path));
    }
  });
});

describe('docker-ce stock docker.service', () => {
  it('gets only the host-level findings a default daemon deserves', { skip: corpusFiles.length === 0 && 'corpus not present' }, () => {
    const path = 'lib/systemd/system/docker.service';
    const text = readFileSync(join(CORPUS, 'moby/contrib/init/systemd/docker.service'), 'utf8');
    const findings = lintSources([{ path, kind: 'systemd', text }], withDefaults(), REGISTRY).findings.get(path) ?? [];
    const anchor = text.indexOf('/usr/bin/dockerd');
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.span.start, anchor, `${f.ruleId} ${f.message} is not a host-level finding`);
    assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('DG2')), []);
  });
});

describe('dockerd flag parser', () => {
  const word = fc.oneof(
    fc.constantFrom('--icc', '--icc=false', 'false', '-H', 'fd://', '-Dl', 'debug', '--log-opt', 'max-size=10m', '-Hunix:///x', '--', '--bogus', '-x', '-', '--tls=1', '--mtu', '0x10', '-s=overlay2', '--feature', 'cdi=false'),
    fc.string({ maxLength: 8 }).filter((s) => s.length > 0 && !/\s|["'\\]/.test(s)),
  );
  it('never throws and prints back the tokens it read', () => {
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), (tokens) => {
      const text = tokens.join(' ');
      const words = splitWords(locatedSlice('f', text, 0, text.length));
      const parsed = parseDockerdArguments(words, DOCKERD_FLAGS);
      const printed = printArguments(parsed);
      assert.deepEqual(printed, tokens);
    }));
  });

  it('reads a boolean with a separate value as a stray argument', () => {
    const text = '--icc false --log-level debug';
    const parsed = parseDockerdArguments(splitWords(locatedSlice('f', text, 0, text.length)), DOCKERD_FLAGS);
    assert.deepEqual(parsed.flags.map((f) => [f.written, f.value?.text]), [['--icc', undefined], ['--log-level', 'debug']]);
    assert.deepEqual(parsed.problems.map((p) => [p.code, p.token, text.slice(p.span.start, p.span.end)]), [['bool-with-separate-value', 'false', 'false']]);
  });
});

describe('an ExecStart= read as a dockerd command', () => {
  const exec = (line: string) => {
    const directive = parseSystemd('x/nginx.service', `[Service]\nExecStart=${line}\n`).unit!.directives[0];
    const found = dockerdExec(directive);
    return found && { args: found.args.map((w) => w.text.text), expands: found.expands };
  };
  it('finds dockerd behind the prefixes and in the old docker forms, and nothing else', () => {
    assert.deepEqual(exec('/usr/bin/dockerd -H fd://'), { args: ['-H', 'fd://'], expands: true });
    assert.deepEqual(exec('-/usr/bin/dockerd --debug'), { args: ['--debug'], expands: true });
    assert.deepEqual(exec(':/usr/bin/dockerd $OPTS'), { args: ['$OPTS'], expands: false });
    assert.deepEqual(exec('@/usr/local/bin/dockerd dockerd --icc=false'), { args: ['--icc=false'], expands: true });
    assert.deepEqual(exec('/usr/bin/docker daemon -H fd://'), { args: ['-H', 'fd://'], expands: true });
    assert.deepEqual(exec('/usr/bin/docker -d'), { args: [], expands: true });
    assert.equal(exec('/usr/bin/docker run nginx'), undefined);
    assert.equal(exec('/usr/sbin/nginx -g daemon'), undefined);
    assert.equal(exec(''), undefined);
  });
});

describe('unit and env-file parsers', () => {
  it('never throw on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('x/docker.service', 'x/docker.service.d/a.conf', 'etc/default/docker'), (text, path) => {
      parseSystemd(path, text);
      parseEnvFile(path, text);
    }));
  });

  it('joins continuation lines and keeps each character at its file offset', () => {
    const text = '[Service]\nExecStart=/usr/bin/dockerd \\\n  # skipped comment\n  --experimental\n';
    const unit = parseSystemd('docker.service', text).unit!;
    const value = unit.directives[0].value;
    assert.equal(value.text, '/usr/bin/dockerd    --experimental');
    const flag = splitWords(value)[1];
    assert.equal(text.slice(flag.span.start, flag.span.end), '--experimental');
    assert.equal(new LineIndex(text).positionAt(flag.span.start).line, 3);
  });
});

describe('top-level drop-ins in a host tree', () => {
  const unit = '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n';
  const lint = (files: Record<string, string>) => {
    const sources = Object.entries(files).map(([path, text]) => ({ path: `h/${path}`, kind: 'systemd', text }));
    const result = lintSources(sources, withDefaults(), REGISTRY);
    return [...result.findings].flatMap(([path, findings]) => findings.filter((f) => f.ruleId === 'DG109').map(() => path));
  };

  it('applies service.d/*.conf to docker.service, after docker.service.d/ of the same name', () => {
    const debug = '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --debug\n';
    assert.deepEqual(lint({ 'lib/systemd/system/docker.service': unit, 'etc/systemd/system/service.d/60-debug.conf': debug }), ['h/etc/systemd/system/service.d/60-debug.conf']);
    // The unit's own drop-in of the name shadows the top-level one, even from a folder later on the path.
    assert.deepEqual(lint({ 'lib/systemd/system/docker.service': unit, 'etc/systemd/system/service.d/60-debug.conf': debug, 'lib/systemd/system/docker.service.d/60-debug.conf': '[Service]\nLimitNOFILE=1024\n' }), []);
  });
});
