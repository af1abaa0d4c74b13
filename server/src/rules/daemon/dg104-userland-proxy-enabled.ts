import { defineRule } from '../../engine/rule';
import { checkBooleanSetting } from './boolean-setting';

/** userland-proxy defaults to true: a docker-proxy process per published port, when iptables NAT suffices. */
export default defineRule({
  meta: {
    id: 'DG104',
    name: 'userland-proxy-enabled',
    description: 'The userland proxy is not disabled.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.16', 'v1.5.0': '2.16' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      enabled: '"userland-proxy" is true: dockerd starts a docker-proxy process for every published port, more code listening on the network than the iptables rules that already forward the traffic; set it to false (CIS 2.16).',
      missing: '"userland-proxy" is not set, so it defaults to true: dockerd starts a docker-proxy process for every published port although iptables already forwards the traffic; set "userland-proxy": false (CIS 2.16).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    checkBooleanSetting(context, host, {
      key: 'userland-proxy',
      wanted: false,
      messages: { wrong: 'enabled', missing: 'missing' },
      fixTitle: 'Set "userland-proxy" to false (published ports are forwarded by iptables only; loopback access to them needs hairpin NAT)',
    });
  },
});
