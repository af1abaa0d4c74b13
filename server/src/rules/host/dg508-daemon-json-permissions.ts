import { defineRule } from '../../engine/rule';
import { reportPermissions } from '../../model/host-permissions';

/** daemon.json sets how dockerd, which runs as root, treats every container. */
export default defineRule({
  meta: {
    id: 'DG508',
    name: 'daemon-json-permissions',
    description: 'The daemon.json dockerd reads is not root:root with mode 644 or stricter.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.17/3.18' },
    kinds: ['daemon-json'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can write it changes how dockerd, which runs as root, treats every container (CIS 3.17/3.18).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    const configFile = host.daemon?.configFile;
    reportPermissions(context, host, configFile?.startsWith(host.root) ? host.hostPathOf(configFile) : '/etc/docker/daemon.json', { group: 'root', mode: 0o644 });
  },
});
