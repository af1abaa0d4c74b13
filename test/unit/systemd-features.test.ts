/** Hover and completion in unit files, through the same entry points the language server calls. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completion, hover } from '../../server/src/features';
import { parseSystemd } from '../../server/src/formats/systemd/parse';
import { REGISTRY } from '../../server/src/registry';

const context = { findings: [], dockerVersion: '29.7', rules: REGISTRY.rules };
const KIND = REGISTRY.kindsByName.get('systemd')!;
const UNIT = 'host/etc/systemd/system/docker.service';
const text = '[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd:// \\\n    --icc=true \\\n    --config-file=/etc/docker/other.json\nEx\n';
const file = parseSystemd(UNIT, text);
const at = (needle: string, delta = 1) => text.indexOf(needle) + delta;

describe('unit file hover', () => {
  it('documents a flag on a continuation line with its daemon.json key, default and CIS item', () => {
    const result = hover(KIND, file, at('--icc'), context)!;
    assert.deepEqual(result.span, { start: text.indexOf('--icc'), end: text.indexOf('--icc') + 5 });
    assert.match(result.markdown, /^\*\*`--icc`\*\* sets `"icc"` in daemon\.json/);
    assert.match(result.markdown, /default `true`/);
    assert.match(result.markdown, /CIS 2\.2 · checked by DG103 \(inter-container-communication\)/);
  });

  it('documents a shorthand by the key it sets, and a command-only flag as such', () => {
    assert.match(hover(KIND, file, at('-H'), context)!.markdown, /^\*\*`-H`\*\* sets `"hosts"` in daemon\.json/);
    assert.match(hover(KIND, file, at('--config-file'), context)!.markdown, /^\*\*`--config-file`\*\* · command line only/);
  });

  it('documents a directive with its section', () => {
    const result = hover(KIND, file, at('Type'), context)!;
    assert.equal(result.markdown.split('\n')[0], '**Type=** · [Service]');
    assert.deepEqual(result.span, { start: text.indexOf('Type'), end: text.indexOf('Type') + 4 });
  });

  it('says nothing on a flag of a command that is not dockerd', () => {
    const other = parseSystemd('host/etc/systemd/system/docker.service', '[Service]\nExecStartPre=/bin/true --icc\n');
    assert.equal(hover(KIND, other, other.text.indexOf('--icc') + 1, context), undefined);
  });
});

describe('unit file completion', () => {
  it('offers dockerd flags where a flag is being typed, replacing the typed prefix, without flags given once already', () => {
    const typing = '[Service]\nExecStart=/usr/bin/dockerd --icc=false --log-le';
    const entries = completion(KIND, parseSystemd(UNIT, typing), typing.length, context);
    const logLevel = entries.find((e) => e.label === '--log-level')!;
    assert.deepEqual(logLevel.replace, { start: typing.length - '--log-le'.length, end: typing.length });
    assert.equal(logLevel.text, '--log-level=');
    assert.equal(logLevel.snippet, '--log-level=${1|info,panic,fatal,error,warn,debug,trace|}');
    assert.ok(!entries.some((e) => e.label === '--icc'));
    assert.ok(entries.some((e) => e.label === '--host'), 'a repeatable flag stays on offer');
    assert.equal(entries.find((e) => e.label === '--live-restore')!.text, '--live-restore');
  });

  it('offers the section\'s directives at the start of a line', () => {
    const entries = completion(KIND, file, at('Ex\n', 2), context);
    assert.ok(entries.some((e) => e.label === 'ExecStart' && e.text === 'ExecStart=' && e.detail === '[Service]'));
    assert.ok(!entries.some((e) => e.label === 'WantedBy'), 'WantedBy belongs to [Install]');
    assert.deepEqual(entries[0].replace, { start: text.indexOf('Ex\n'), end: text.indexOf('Ex\n') + 2 });
  });
});
