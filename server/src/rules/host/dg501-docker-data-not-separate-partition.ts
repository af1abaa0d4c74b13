import { defineRule } from '../../engine/rule';
import { dataRoot, namedLocation } from '../../model/host-metadata';

/** Images and containers filling /var/lib/docker should not fill the host's root file system. */
export default defineRule({
  meta: {
    id: 'DG501',
    name: 'docker-data-not-separate-partition',
    description: "dockerd's data-root is not a mount point of its own.",
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '1.1.1' },
    kinds: ['daemon-json', 'systemd', 'host-facts'],
    reads: 'host',
    messages: {
      notMounted: "{{path}} (dockerd's data-root) is not a mount point of its own in {{table}}: images, containers and their logs can fill the file system the host runs from (CIS 1.1.1).",
    },
  },
  check(context, host) {
    // Without Docker, or without a mount table (an image with no /etc/fstab), this is not applicable.
    if (!host.daemon || !host.mounts || host.dataRoot === undefined) return;
    if (host.mounts.entries.some((m) => m.mountPoint === host.dataRoot)) return;
    const named = dataRoot(host.daemon);
    const at = named.setting ? namedLocation(host, named) : host.daemon.anchor ?? { file: host.mounts.file.path, span: { start: 0, end: 0 } };
    const path = host.dataRoot === named.path ? named.path : `${named.path} (→ ${host.dataRoot})`;
    context.report({ messageId: 'notMounted', data: { path, table: host.hostPathOf(host.mounts.file.path) }, at });
  },
});
