import { defineRule } from '../../engine/rule';
import { reportPermissions } from '../../model/host-permissions';

/** /etc/docker holds daemon.json, the TLS keys and the registry certificates. */
export default defineRule({
  meta: {
    id: 'DG504',
    name: 'etc-docker-permissions',
    description: '/etc/docker is not root:root with mode 755 or stricter.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.5/3.6' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can write it can replace daemon.json, the TLS keys and the registry certificates (CIS 3.5/3.6).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    reportPermissions(context, host, '/etc/docker', { group: 'root', mode: 0o755 });
  },
});
