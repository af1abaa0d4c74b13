import { defineRule } from '../../engine/rule';
import { checkPresentSetting } from './present-setting';

/** Per-service ulimits replace the daemon's defaults: worth checking they do not lift a bound. */
export default defineRule({
  meta: {
    id: 'DG327',
    name: 'ulimit-override',
    description: 'A service overrides the daemon\'s default ulimits.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.19', 'v1.5.0': '5.18' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { override: '"ulimits" replaces the daemon\'s default limits for this container: make sure none is raised beyond what the service needs (CIS 5.19).' },
  },
  check(context, model) {
    checkPresentSetting(context, model, 'ulimits', 'override');
  },
});
