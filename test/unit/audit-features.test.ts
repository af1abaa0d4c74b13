/** Hover and completion in audit rules files. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditCompletion } from '../../server/src/features/audit/completion';
import { auditHover } from '../../server/src/features/audit/hover';
import { parseAudit } from '../../server/src/formats/audit/parse';

const context = { findings: [], dockerVersion: '29.7', rules: [] };
const text = '-w /etc/docker -p wa -k docker\n-a always,exit -F arch=b64 -S openat -F auid>=1000 -k access\n';
const file = parseAudit('etc/audit/rules.d/docker.rules', text);
const at = (needle: string, delta = 1) => text.indexOf(needle) + delta;
const hoverAt = (needle: string, delta = 1) => auditHover(file, at(needle, delta), context)!;

describe('audit rules hover', () => {
  it('documents an option with its argument', () => {
    const result = hoverAt('-p');
    assert.equal(result.markdown.split('\n')[0], '**`-p rwxa`**');
    assert.deepEqual(result.span, { start: at('-p', 0), end: at('-p', 2) });
  });

  it('names the CIS items a watched path covers', () => {
    const result = hoverAt('/etc/docker');
    assert.match(result.markdown, /CIS 1\.1\.6: `\/etc\/docker`/);
    assert.match(result.markdown, /CIS 1\.1\.11: `\/etc\/docker\/daemon\.json`/);
  });

  it('documents a field, an operator, a syscall of the arch, the list and action, and a key', () => {
    assert.match(hoverAt('auid').markdown, /^\*\*`-F auid`\*\* · =, !=, <, >, <= or >=\n\nThe login user ID/);
    assert.equal(hoverAt('>=', 0).markdown, '**`>=`** · greater than or equal');
    assert.equal(hoverAt('openat').markdown, '**`openat`** · syscall number 257 on x86_64, 56 on aarch64 (arch b64)');
    assert.match(hoverAt('always,exit').markdown, /^\*\*exit\*\* list: .*\n\n\*\*always\*\*: write an audit record/);
    assert.match(hoverAt('access').markdown, /ausearch -k access/);
  });
});

describe('audit rules completion', () => {
  const complete = (typing: string) => auditCompletion(parseAudit('a.rules', typing), typing.length, context);

  it('offers options where a word starts', () => {
    const entries = complete('-w /etc/docker -');
    const watch = entries.find((e) => e.label === '-k')!;
    assert.equal(watch.text, '-k ');
    assert.deepEqual(watch.replace, { start: 15, end: 16 });
    assert.ok(entries.some((e) => e.label === '--backlog_wait_time'));
    assert.deepEqual(complete('-w /etc/do'), []);
  });

  it('offers fields after -F, with `=`', () => {
    const path = complete('-a always,exit -F pa').find((e) => e.label === 'path')!;
    assert.equal(path.text, 'path=');
    assert.deepEqual(path.replace, { start: 18, end: 20 });
    assert.deepEqual(complete('-a always,exit -F path='), []);
    const arch = complete('-a always,exit -F arch=b');
    assert.deepEqual(arch.slice(0, 2).map((e) => [e.label, e.replace]), [['b64', { start: 23, end: 24 }], ['b32', { start: 23, end: 24 }]]);
  });

  it("offers the syscalls of the line's arch after -S, also after a comma", () => {
    const b64 = complete('-a always,exit -F arch=b64 -S open,');
    assert.ok(b64.some((e) => e.label === 'openat'));
    assert.deepEqual(b64[0].replace, { start: 35, end: 35 });
    const aarch64 = complete('-a always,exit -F arch=aarch64 -S ').map((e) => e.label);
    assert.ok(!aarch64.includes('open') && aarch64.includes('openat'));
  });

  it('offers list,action pairs and permissions', () => {
    assert.ok(complete('-a ').some((e) => e.label === 'always,exit'));
    assert.deepEqual(complete('-w /etc/docker -p ').map((e) => e.label), ['wa', 'rwxa', 'x', 'r']);
  });
});
