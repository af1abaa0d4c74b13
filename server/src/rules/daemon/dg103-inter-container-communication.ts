import { defineRule } from '../../engine/rule';
import { checkBooleanSetting } from './boolean-setting';

/** icc defaults to true: every container on the default bridge can reach every other one. */
export default defineRule({
  meta: {
    id: 'DG103',
    name: 'inter-container-communication',
    description: 'Inter-container communication on the default bridge is not disabled.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.2', 'v1.5.0': '2.2' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      enabled: '"icc" is true: containers on the default bridge can reach each other; set it to false and link containers explicitly (CIS 2.2).',
      missing: '"icc" is not set, so it defaults to true: containers on the default bridge can reach each other; set "icc": false (CIS 2.2).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    // `icc` acts on the default bridge only; with `"bridge": "none"` there is none.
    if (!host.config.hasDefaultBridge()) return;
    checkBooleanSetting(context, host, {
      key: 'icc',
      wanted: false,
      messages: { wrong: 'enabled', missing: 'missing' },
      fixTitle: 'Set "icc" to false (containers on docker0 can no longer talk to each other)',
    });
  },
});
