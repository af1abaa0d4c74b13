/**
 * The daemon.json schema and its error mapping: the range a user sees for each problem, one problem
 * per cause, and the schema generated from the option table agreeing with dockerd's facts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDaemonJson } from '../../server/src/formats/daemon-json/parse';
import { ALL_KEYS, optionByFlag, optionByKey } from '../../server/src/model/daemon-options';
import { closeMatches, editDistance } from '../../server/src/schema/suggest';
import { schemaProblems, validAt } from '../../server/src/schema/validate';

/** Each problem as `kind path "text under the range": problem`. */
function problemsOf(text: string): string[] {
  return schemaProblems(parseDaemonJson('daemon.json', text)).map((p) => `${p.kind} ${p.path.join('.')} ${text.slice(p.span.start, p.span.end)}: ${p.problem}`);
}

describe('schema problems', () => {
  it('put an unknown key at the key and a wrong type at the value', () => {
    assert.deepEqual(problemsOf('{\n  "live-restor": true,\n  "icc": "no"\n}'), [
      'unknown live-restor "live-restor": is not an option dockerd knows',
      'invalid icc "no": must be a boolean, not the string "no"',
    ]);
  });

  it('report a value of the wrong type once, not also as a bad enum or pattern', () => {
    assert.deepEqual(problemsOf('{"log-format": 1, "log-level": ["info"]}'), [
      'invalid log-format 1: must be a string, not the number 1',
      'invalid log-level ["info"]: must be a string, not an array',
    ]);
  });

  it('refuse numbers where dockerd decodes strings (log-opts values, default-shm-size)', () => {
    assert.deepEqual(problemsOf('{"log-opts": {"max-size": "10m", "max-file": 3}, "default-shm-size": 64}'), [
      'invalid log-opts.max-file 3: must be a string, not the number 3',
      'invalid default-shm-size 64: must be a string, not the number 64',
    ]);
  });

  it('judge the last of duplicate keys, as dockerd does', () => {
    assert.deepEqual(problemsOf('{"mtu": -1, "mtu": 1500}'), []);
    assert.deepEqual(problemsOf('{"mtu": 1500, "mtu": -1}'), ['invalid mtu -1: must be at least 0, not the number -1']);
  });

  it('check nested shapes: unknown proxies members, missing pool sizes, case-insensitive log levels', () => {
    assert.deepEqual(problemsOf('{"proxies": {"http_proxy": "x"}, "default-address-pools": [{"base": "10.0.0.0/8"}], "log-level": "WARN"}'), [
      'unknown proxies.http_proxy "http_proxy": is not an option dockerd knows',
      'invalid default-address-pools.0 {"base": "10.0.0.0/8"}: is missing "size"',
    ]);
  });

  it('accept the keys dockerd accepts and ignores, and unknown feature names', () => {
    assert.deepEqual(problemsOf('{"validate": true, "config-file": "/x", "deprecated-key-path": "/y", "http-proxy": "z", "features": {"future": true}}'), []);
  });

  it('skip values a syntax error cuts, but still see the keys that parsed', () => {
    assert.deepEqual(problemsOf('{"icc": fals, "live-restor": true, "mtu": "1"}'), [
      'unknown live-restor "live-restor": is not an option dockerd knows',
      'invalid mtu "1": must be an integer, not the string "1"',
    ]);
  });

  it('say nothing for a root that is not an object (that is DG001)', () => {
    assert.deepEqual(problemsOf('[]'), []);
    assert.deepEqual(problemsOf(''), []);
  });

  it('validAt tells whether a replacement value would satisfy the schema', () => {
    const file = parseDaemonJson('daemon.json', '{"log-opts": {"max-file": 3}}');
    assert.equal(validAt(file, ['log-opts', 'max-file'], '3'), true);
    assert.equal(validAt(file, ['log-opts', 'max-file'], 3), false);
  });
});

describe('the generated schema', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'daemon.schema.json'), 'utf8'));

  it('lists every key of the option table, refuses others, and carries the true defaults', () => {
    assert.deepEqual(Object.keys(schema.properties), ALL_KEYS);
    assert.equal(schema.additionalProperties, false);
    for (const key of ['icc', 'iptables', 'ip6tables', 'userland-proxy', 'ip-forward', 'ip-masq']) assert.equal(schema.properties[key].default, true, key);
    assert.equal(schema.properties['live-restore'].default, false);
  });

  it('has no removed key (dockerd rejects them)', () => {
    for (const key of ['graph', 'cluster-store', 'api-cors-header', 'oom-score-adjust']) assert.equal(optionByKey(key), undefined, key);
  });
});

describe('the option table', () => {
  it('maps flags, shorthands and named options to their keys', () => {
    const keyOf = (flag: string) => optionByFlag(flag)?.key;
    assert.deepEqual(['-H', '--host', '--label', '--log-opt', '--add-runtime', '--default-ulimit', '--feature', '--insecure-registry', '-s', '-D'].map(keyOf),
      ['hosts', 'hosts', 'labels', 'log-opts', 'runtimes', 'default-ulimits', 'features', 'insecure-registries', 'storage-driver', 'debug']);
    assert.equal(optionByFlag('--http-proxy')?.memberOf, 'proxies');
    assert.equal(optionByFlag('--restart')?.deprecatedFlag, true);
    assert.equal(optionByFlag('--graph'), undefined);
    assert.deepEqual(optionByKey('builder')?.flags, []);
  });
});

describe('did you mean', () => {
  it('finds typos, other spellings and flag names written as keys', () => {
    assert.deepEqual(closeMatches('live-restor', ALL_KEYS, true), ['live-restore']);
    assert.deepEqual(closeMatches('Live_Restore', ALL_KEYS, true), ['live-restore']);
    assert.deepEqual(closeMatches('insecure-registry', ALL_KEYS, true), ['insecure-registries']);
    assert.deepEqual(closeMatches('unknown-option', ALL_KEYS, true), []);
  });

  it('counts a swap of two letters as one edit', () => {
    assert.equal(editDistance('ipatbles', 'iptables'), 1);
  });
});
