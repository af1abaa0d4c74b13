import { defineRule } from '../../engine/rule';
import { checkPresentSetting } from './present-setting';

/** On docker0 every container can reach every other one; a Compose project network isolates the project. */
export default defineRule({
  meta: {
    id: 'DG329',
    name: 'default-bridge-network',
    description: 'A service uses Docker\'s default bridge (`network_mode: bridge`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.30', 'v1.5.0': '5.29' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { bridge: '"network_mode: bridge" puts the container on docker0, shared with every container on the host that has no network of its own; Compose\'s project network (the default) keeps the project apart (CIS 5.30).' },
  },
  check(context, model) {
    checkPresentSetting(context, model, 'network_mode', 'bridge', 'bridge');
  },
});
