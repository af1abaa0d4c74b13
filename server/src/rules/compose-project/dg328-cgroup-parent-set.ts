import { defineRule } from '../../engine/rule';
import { checkPresentSetting } from './present-setting';

/** A custom cgroup parent moves the container out of the daemon's resource accounting. */
export default defineRule({
  meta: {
    id: 'DG328',
    name: 'cgroup-parent-set',
    description: 'A service sets `cgroup_parent`.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.25', 'v1.5.0': '5.24' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { set: '"cgroup_parent" places the container under another cgroup than the daemon\'s: its limits and accounting are those of that cgroup; make sure that is intended (CIS 5.25).' },
  },
  check(context, model) {
    checkPresentSetting(context, model, 'cgroup_parent', 'set');
  },
});
