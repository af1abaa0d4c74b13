/** The lifecycle table as the flag parser and the did-you-mean see it (model/lifecycle.ts, flag-table.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAEMON_OPTIONS } from '../../server/src/model/daemon-options';
import { LIFECYCLE, legacyCommandOf, lifecycleOf } from '../../server/src/model/lifecycle';
import { DOCKERD_FLAGS } from '../../server/src/model/flag-table';

const currentFlags = new Set(DAEMON_OPTIONS.flatMap((o) => o.flags));

describe('removed flags', () => {
  for (const entry of LIFECYCLE.filter((e) => e.flags)) {
    it(`${entry.flags!.join(', ')}: parsed as "${entry.key}", never suggested, no clash with a current flag`, () => {
      for (const flag of entry.flags!) {
        assert.ok(!currentFlags.has(flag), `${flag} is also a current flag: the parser would hide one of them`);
        const spec = flag.startsWith('--') ? DOCKERD_FLAGS.long(flag.slice(2)) : DOCKERD_FLAGS.short(flag.slice(1));
        assert.equal(spec?.optionKey, entry.key);
        assert.ok(!DOCKERD_FLAGS.names().includes(flag.replace(/^-+/, '')));
      }
    });
  }

  it('a flag that went before its key is removed as a flag and only deprecated as a key', () => {
    assert.equal(lifecycleOf('allow-nondistributable-artifacts', undefined, '29.7', true)?.status, 'removed');
    assert.equal(lifecycleOf('allow-nondistributable-artifacts', undefined, '29.7', true)?.entry.removedIn, '29.0');
    assert.equal(lifecycleOf('allow-nondistributable-artifacts', undefined, '29.7')?.status, 'deprecated');
  });
});

describe('the old client commands', () => {
  it('docker daemon: deprecated from 1.13, removed from 17.12; docker -d removed from 1.10', () => {
    assert.equal(legacyCommandOf('daemon', '1.12'), undefined);
    assert.equal(legacyCommandOf('daemon', '17.09')?.status, 'deprecated');
    assert.equal(legacyCommandOf('daemon', '17.12')?.status, 'removed');
    assert.equal(legacyCommandOf('-d', '1.9')?.status, 'deprecated');
    assert.equal(legacyCommandOf('-d', '29.7')?.status, 'removed');
  });
});
