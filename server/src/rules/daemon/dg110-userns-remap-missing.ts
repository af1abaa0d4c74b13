import { defineRule } from '../../engine/rule';
import { settingFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

const FIX_TITLE = 'Set "userns-remap" to "default" (existing images and containers are no longer visible, the containerd image store is turned off, and containers that need host namespaces must use --userns=host)';

/**
 * Without user namespace remapping, uid 0 in a container is uid 0 on the host. A rootless daemon
 * already runs unprivileged, so the rule is silent there.
 */
export default defineRule({
  meta: {
    id: 'DG110',
    name: 'userns-remap-missing',
    description: 'User namespace remapping is not turned on.',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '2.9', 'v1.5.0': '2.9' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      missing: '"userns-remap" is not set: root in a container is root on the host, so a container breakout gets full host privileges; consider "userns-remap": "default" (CIS 2.9).',
      missingSnapshotter: '"userns-remap" is not set: root in a container is root on the host, so a container breakout gets full host privileges; dockerd refuses "userns-remap" while "features" turns "containerd-snapshotter" on, so drop that feature first, then set "userns-remap": "default" (CIS 2.9).',
      off: '"userns-remap" is "{{value}}", which turns remapping off: root in a container is root on the host, so a container breakout gets full host privileges; consider "default" (CIS 2.9).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const { config } = host;
    if (config.bool('rootless') || host.command?.rootless) return;
    // dockerd refuses userns-remap with an explicitly enabled containerd image store (reference §2.4).
    const snapshotterForced = config.member('features', 'containerd-snapshotter')?.value === true;
    const fixes = () => snapshotterForced ? [] : settingFix(host, 'userns-remap', 'default', FIX_TITLE);
    const remap = config.get('userns-remap');
    if (!remap) {
      if (host.anchor) context.report({ messageId: snapshotterForced ? 'missingSnapshotter' : 'missing', at: host.anchor, fixes });
      return;
    }
    if (typeof remap.value === 'string' && (remap.value.trim() === '' || remap.value.trim() === 'root')) {
      context.report({ messageId: 'off', data: { value: remap.value }, at: originLocation(remap.origin), fixes });
    }
  },
});
