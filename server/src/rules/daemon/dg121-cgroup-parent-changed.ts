import { defineRule } from '../../engine/rule';
import { originLocation } from '../../model/origin';

/** A changed cgroup parent moves every container's resource limits and accounting under another tree. */
export default defineRule({
  meta: {
    id: 'DG121',
    name: 'cgroup-parent-changed',
    description: 'Containers run under a non-default parent cgroup.',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '2.10', 'v1.5.0': '2.10' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      changed: '"cgroup-parent" is "{{parent}}": every container runs under this cgroup instead of Docker\'s default, so the limits and accounting set there apply to all of them; confirm that is intended (CIS 2.10).',
    },
  },
  check(context, host) {
    const parent = host.config.get('cgroup-parent');
    if (typeof parent?.value !== 'string' || parent.value.trim() === '') return;
    context.report({ messageId: 'changed', data: { parent: parent.value }, at: originLocation(parent.origin) });
  },
});
