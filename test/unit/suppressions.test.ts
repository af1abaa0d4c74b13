/** Comment pragmas: what they silence, what DG009 says about the rest, and the edits that add them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSources } from '../../server/src/engine/api';
import { applyEdits } from '../../server/src/engine/edits';
import { withDefaults, type LintOptions } from '../../server/src/engine/options';
import { suppressionEdits } from '../../server/src/engine/suppressions';
import type { SourceFile } from '../../server/src/engine/project';
import { REGISTRY } from '../../server/src/registry';

const UNIT = 'host/etc/systemd/system/docker.service';
const SYSTEMD = REGISTRY.kindsByName.get('systemd')!;
const DAEMON_JSON = REGISTRY.kindsByName.get('daemon-json')!;
const all = withDefaults({ profile: 'all' });

function lint(sources: SourceFile[], options: LintOptions = all) {
  return lintSources(sources, options, REGISTRY);
}

function found(path: string, text: string, options?: LintOptions): string[] {
  return (lint([{ path, kind: 'systemd', text }], options).findings.get(path) ?? []).map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);
}

const command = '[Service]\nExecStart=/usr/bin/dockerd --icc=true \\\n  --experimentl\n';

describe('comment pragmas', () => {
  it('a next-line pragma inside a continuation silences only the flag on the line below it', () => {
    const text = '[Service]\nExecStart=/usr/bin/dockerd --icc=true \\\n  # dockguard-disable-next-line DG203 -- typo kept for the demo\n  --experimentl\n';
    const withPragma = found(UNIT, text);
    assert.ok(!withPragma.some((f) => f.startsWith('DG203')), withPragma.join('\n'));
    assert.ok(withPragma.includes('DG103 --icc=true'));
    assert.ok(found(UNIT, command).includes('DG203 --experimentl'));
  });

  it('a next-line pragma above a directive covers all of its continuation lines', () => {
    const text = '[Service]\n# dockguard-disable-next-line DG103, DG203\nExecStart=/usr/bin/dockerd --icc=true \\\n  --experimentl\n';
    const result = found(UNIT, text);
    assert.ok(!result.some((f) => f.startsWith('DG103') || f.startsWith('DG203') || f.startsWith('DG009')), result.join('\n'));
  });

  it('a file pragma silences its rules anywhere in the file and nothing else', () => {
    const text = '# dockguard-disable-file dg203\n' + command;
    const result = found(UNIT, text);
    assert.ok(!result.some((f) => f.startsWith('DG203')));
    assert.ok(result.includes('DG103 --icc=true'));
  });

  it('works in an environment file (DOCKER_OPTS of a sysvinit host)', () => {
    const path = 'host/etc/default/docker';
    const text = '# dockguard-disable-next-line DG105 -- lab\nDOCKER_OPTS="--experimental --icc=false"\n';
    const result = found(path, text);
    assert.ok(!result.some((f) => f.startsWith('DG105') || f.startsWith('DG009')), result.join('\n'));
    assert.ok(found(path, text.replace(/^#.*\n/, '')).includes('DG105 --experimental'));
  });

  it('does not call a pragma unused when its rule is outside the profile run', () => {
    // DG110 (userns-remap) is an L2 rule: the recommended profile does not run it.
    const text = '[Service]\n# dockguard-disable-next-line DG110\nExecStart=/usr/bin/dockerd --icc=false\n';
    assert.ok(!found(UNIT, text, withDefaults()).some((f) => f.startsWith('DG009')));
    assert.ok(found(UNIT, text.replace('DG110', 'DG105'), withDefaults()).includes('DG009 DG105'));
  });

  it('ignores pragmas in units that are not Docker\'s', () => {
    const path = 'host/etc/systemd/system/nginx.service';
    assert.deepEqual(found(path, '[Service]\n# dockguard-disable-next-line DG203\nExecStart=/usr/sbin/nginx\n'), []);
  });
});

describe('suppressionEdits', () => {
  const text = '[Service]\r\nExecStart=/usr/bin/dockerd --icc=true \\\r\n    --experimentl\r\n';
  const result = lint([{ path: UNIT, kind: 'systemd', text }]);
  const file = result.project.parsed(UNIT)!;
  const typo = result.findings.get(UNIT)!.find((f) => f.ruleId === 'DG203')!;

  it('inserts a next-line pragma with the line\'s indentation and the file\'s line ending', () => {
    const edit = suppressionEdits(file, SYSTEMD, typo, 'next-line')!;
    const fixed = applyEdits(text, [edit]);
    assert.equal(fixed, '[Service]\r\nExecStart=/usr/bin/dockerd --icc=true \\\r\n    # dockguard-disable-next-line DG203\r\n    --experimentl\r\n');
    assert.ok(!found(UNIT, fixed).some((f) => f.startsWith('DG203') || f.startsWith('DG009')));
  });

  it('appends to the pragma already above the line', () => {
    const first = applyEdits(text, [suppressionEdits(file, SYSTEMD, typo, 'next-line')!]);
    const again = lint([{ path: UNIT, kind: 'systemd', text: first }]);
    const icc = again.findings.get(UNIT)!.find((f) => f.ruleId === 'DG103')!;
    const second = applyEdits(first, [suppressionEdits(again.project.parsed(UNIT)!, SYSTEMD, icc, 'next-line')!]);
    assert.equal(second, '[Service]\r\n# dockguard-disable-next-line DG103\r\nExecStart=/usr/bin/dockerd --icc=true \\\r\n    # dockguard-disable-next-line DG203\r\n    --experimentl\r\n');
  });

  it('inserts a file pragma at the top, or extends the existing one', () => {
    assert.equal(applyEdits(text, [suppressionEdits(file, SYSTEMD, typo, 'file')!]), '# dockguard-disable-file DG203\r\n' + text);
    const withFilePragma = '# dockguard-disable-file DG105 -- lab\n[Service]\nExecStart=/usr/bin/dockerd --experimentl\n';
    const parsed = lint([{ path: UNIT, kind: 'systemd', text: withFilePragma }]);
    const finding = parsed.findings.get(UNIT)!.find((f) => f.ruleId === 'DG203')!;
    assert.equal(applyEdits(withFilePragma, [suppressionEdits(parsed.project.parsed(UNIT)!, SYSTEMD, finding, 'file')!]), withFilePragma.replace('DG105', 'DG105, DG203'));
  });

  it('puts the pragma above a quoted env-file value that spans lines, not inside it', () => {
    const path = 'host/etc/default/docker';
    const env = 'DOCKER_OPTS="--icc=false\n  --experimental"\n';
    const parsed = lint([{ path, kind: 'systemd', text: env }]);
    const finding = parsed.findings.get(path)!.find((f) => f.ruleId === 'DG105')!;
    const fixed = applyEdits(env, [suppressionEdits(parsed.project.parsed(path)!, SYSTEMD, finding, 'next-line')!]);
    assert.equal(fixed, '# dockguard-disable-next-line DG105\n' + env);
    assert.ok(!found(path, fixed).some((f) => f.startsWith('DG105')));
  });

  it('offers nothing for daemon.json, which has no comments', () => {
    const path = 'host/etc/docker/daemon.json';
    const parsed = lint([{ path, kind: 'daemon-json', text: '{"icc": true}' }]);
    const finding = parsed.findings.get(path)!.find((f) => f.ruleId === 'DG103')!;
    assert.equal(suppressionEdits(parsed.project.parsed(path)!, DAEMON_JSON, finding, 'next-line'), undefined);
  });
});
