/**
 * Property test for the DG1xx rules over arbitrary daemon.json objects built from the keys they
 * judge: no rule throws, and every fix they offer leaves valid JSON and resolves its finding.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintSources } from '../../../server/src/engine/api';
import { fixProblem } from '../../../server/src/engine/fixes';
import { withDefaults } from '../../../server/src/engine/options';
import type { SourceFile } from '../../../server/src/engine/project';
import { sourcesWithFix } from '../../support';
import { REGISTRY } from '../../../server/src/registry';

const KEYS = ['hosts', 'tls', 'tlsverify', 'tlscacert', 'icc', 'iptables', 'ip-masq', 'ip-forward', 'insecure-registries', 'log-level', 'debug', 'userns-remap', 'rootless', 'features', 'live-restore', 'seccomp-profile', 'authorization-plugins', 'log-driver', 'log-opts', 'api-cors-header', 'selinux-enabled', 'ip', 'registry-mirrors', 'cgroup-parent', 'storage-driver', 'userland-proxy', 'experimental', 'no-new-privileges', 'swarm-default-advertise-addr'];

const scalar = fc.oneof(fc.boolean(), fc.integer(), fc.constant(null),
  fc.constantFrom('tcp://0.0.0.0:2375', ':2375', 'unix://', 'http://m', '*', '0.0.0.0/0', 'DEBUG', 'warn', 'json-file', 'local', 'aufs', 'unconfined', '', 'root', '0.0.0.0'));
const list = fc.array(fc.oneof(fc.constantFrom('tcp://:2376', '10.0.0.5:2375', 'http://mirror:5000', 'localhost:5000', '::/0', 'registry:5000'), fc.integer()), { maxLength: 3 });
const map = fc.dictionary(fc.constantFrom('max-size', 'max-file', 'containerd-snapshotter', 'swarm-nftables'), fc.oneof(fc.boolean(), fc.constant('3')));
const daemonJson = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(scalar, list, map));

it('DG1xx rules never throw, and their fixes keep valid JSON and resolve the finding', () => {
  fc.assert(fc.property(daemonJson, fc.constantFrom(0, 2, 4), fc.constantFrom('29.7', '20.10'), (config, indent, dockerVersion) => {
    const text = JSON.stringify(config, null, indent);
    const options = withDefaults({ profile: 'all', dockerVersion });
    const sources: SourceFile[] = [{ path: 'etc/docker/daemon.json', kind: 'daemon-json', text }];
    const { project, findings: before } = lintSources(sources, options, REGISTRY);
    const findings = [...before.values()].flat();
    assert.deepEqual(findings.filter((f) => f.ruleId === 'DG000').map((f) => f.message), []);
    for (const finding of findings.filter((f) => f.ruleId.startsWith('DG1'))) {
      for (const fix of finding.fixes.filter((f) => f.safety !== 'display-only')) {
        const fixed = sourcesWithFix(project, finding.file, fix)[0].text;
        assert.doesNotThrow(() => JSON.parse(fixed), `${finding.ruleId} "${fix.title}" corrupts\n${text}\n→\n${fixed}`);
        assert.notEqual(fixProblem(project, finding, fix, options), 'it does not resolve the finding', `${finding.ruleId} "${fix.title}" on\n${text}`);
      }
    }
  }), { numRuns: 300 });
});
