import { defineRule } from '../../engine/rule';
import { originLocation } from '../../model/origin';

/** On an SELinux host, container labels confine what a process that escapes its container can touch. */
export default defineRule({
  meta: {
    id: 'DG118',
    name: 'selinux-disabled',
    description: 'SELinux support is explicitly turned off.',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '5.3', 'v1.5.0': '5.2' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      disabled: '"selinux-enabled" is false: on a host that enforces SELinux, containers run without SELinux labels and lose a layer that confines a breakout; set it to true on such hosts (CIS 5.3).',
    },
  },
  check(context, host) {
    const selinux = host.config.get('selinux-enabled');
    if (selinux?.value === false) context.report({ messageId: 'disabled', at: originLocation(selinux.origin) });
  },
});
