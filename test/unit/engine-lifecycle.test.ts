/** DG511's pieces: dpkg's status and version order, and where a version stands in the lifecycle table. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDpkgStatus } from '../../server/src/formats/host-facts/dpkg-status';
import { compareUpstream, parseDpkgVersion } from '../../server/src/model/dpkg-version';
import { ENGINE_LINES, engineLineOf } from '../../server/src/model/engine-lifecycle';
import { standing } from '../../server/src/model/installed-engine';

describe('dpkg versions', () => {
  it('splits the epoch at the first colon and the revision at the last dash', () => {
    assert.deepEqual(parseDpkgVersion('5:29.7.2-1~debian.12~bookworm'), { epoch: 5, upstream: '29.7.2', revision: '1~debian.12~bookworm' });
    assert.deepEqual(parseDpkgVersion('26.1.5+dfsg1-9'), { epoch: 0, upstream: '26.1.5+dfsg1', revision: '9' });
    assert.deepEqual(parseDpkgVersion('18.09.1~3-0~debian-stretch'), { epoch: 0, upstream: '18.09.1~3-0~debian', revision: 'stretch' });
    assert.deepEqual(parseDpkgVersion('24.0.5'), { epoch: 0, upstream: '24.0.5', revision: '' });
    assert.equal(parseDpkgVersion('x:1.0'), undefined);
    assert.equal(parseDpkgVersion('5:'), undefined);
  });

  it('orders upstream versions as dpkg does: numbers as numbers, ~ before the end, + after it', () => {
    const sorted = ['29.7.2~rc.1', '29.7.2', '29.7.2+dfsg1', '29.7.10', '29.10.0'];
    assert.deepEqual([...sorted].reverse().sort(compareUpstream), sorted);
    assert.equal(compareUpstream('29.07.2', '29.7.2'), 0);
  });
});

describe("dpkg's status file", () => {
  it('reads each stanza\'s package, status and version with its span, skipping continuation lines', () => {
    const text = 'Package: docker-ce\nStatus: install  ok installed\nDescription: x\n Version: 1.0 (not a field)\nVersion: 5:29.7.2-1\n\nPackage: docker.io\r\nStatus: deinstall ok config-files\r\nVersion: 20.10.24+dfsg1-1\r\n';
    const packages = parseDpkgStatus(text);
    assert.deepEqual(packages.map((p) => [p.name, p.status, p.version?.text]), [
      ['docker-ce', 'install ok installed', '5:29.7.2-1'],
      ['docker.io', 'deinstall ok config-files', '20.10.24+dfsg1-1'],
    ]);
    for (const p of packages) assert.equal(text.slice(p.version!.span.start, p.version!.span.end), p.version!.text);
  });
});

describe('the engine lifecycle table', () => {
  it('maps a version to the branch covering it: major branches from 27, minor lines before', () => {
    assert.equal(engineLineOf('29.1.5')?.branch, 'docker-29.x');
    assert.equal(engineLineOf('27.0.3')?.branch, '27.x');
    assert.equal(engineLineOf('26.0.2')?.branch, '26.0');
    assert.equal(engineLineOf('19.03.15')?.branch, 'older than 20.10');
    assert.equal(engineLineOf('30.0.0'), undefined);
    assert.equal(engineLineOf('26.2.0'), undefined);
  });

  it('judges a maintained line with an expected end by the day it is examined', () => {
    assert.equal(standing('25.0.17', '2026-12-03').kind, 'current');
    assert.deepEqual(standing('25.0.17', '2026-12-04'), { kind: 'unmaintained', line: engineLineOf('25.0.17'), stopped: { date: '2026-12-04', expected: true } });
    assert.equal(standing('25.0.16', '2026-12-03').kind, 'behind');
  });

  it('has each line once, newest first, each either maintained or unmaintained with a dated commit', () => {
    const covered = ENGINE_LINES.filter((line) => line.covers).map((line) => line.covers!.split('.').map(Number));
    assert.deepEqual(covered, [...covered].sort((a, b) => b[0] - a[0] || (b[1] ?? 0) - (a[1] ?? 0)));
    for (const line of ENGINE_LINES) {
      assert.notEqual(Boolean(line.maintained), Boolean(line.unmaintained), line.branch);
      if (line.unmaintained) assert.match(`${line.unmaintained.date} ${line.unmaintained.commit}`, /^\d{4}-\d{2}-\d{2} [0-9a-f]{40}$/);
    }
  });
});
