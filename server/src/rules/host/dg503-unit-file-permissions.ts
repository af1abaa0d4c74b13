import { defineRule } from '../../engine/rule';
import { stackFiles } from '../../model/unit-stack';
import { reportPermissions } from '../../model/host-permissions';

/** Whoever can write docker.service or docker.socket (or a drop-in of theirs) decides what runs as root. */
export default defineRule({
  meta: {
    id: 'DG503',
    name: 'unit-file-permissions',
    description: "docker.service or docker.socket (or a drop-in systemd applies to them) is not root:root with mode 644 or stricter.",
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.1–3.4' },
    kinds: ['systemd'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can write a unit systemd loads for Docker decides what runs as root at the next start (CIS 3.1–3.4).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    const daemon = host.daemon;
    const files = [...(daemon?.service ? stackFiles(daemon.service) : []), ...(daemon?.socket ? stackFiles(daemon.socket) : [])];
    for (const file of files) reportPermissions(context, host, host.hostPathOf(file.path), { group: 'root', mode: 0o644 });
  },
});
