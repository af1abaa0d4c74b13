import { defineRule } from '../../engine/rule';
import { reportPermissions } from '../../model/host-permissions';

/** DOCKER_OPTS in these files become dockerd's flags. */
export default defineRule({
  meta: {
    id: 'DG509',
    name: 'env-file-permissions',
    description: '/etc/default/docker or /etc/sysconfig/docker is not root:root with mode 644 or stricter.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.19–3.22' },
    kinds: ['systemd'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: the variables it sets (DOCKER_OPTS) become the flags of dockerd, which runs as root (CIS 3.19–3.22).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    for (const path of ['/etc/default/docker', '/etc/sysconfig/docker']) reportPermissions(context, host, path, { group: 'root', mode: 0o644 });
  },
});
