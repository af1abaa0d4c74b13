import { defineRule } from '../../engine/rule';
import { checkBooleanSetting } from './boolean-setting';

/**
 * live-restore keeps containers running while dockerd restarts, so daemon updates are not put off.
 * Swarm refuses it (reference §2.4): a host whose configuration shows swarm mode (a default
 * advertise address, or the nftables-with-swarm feature) is left alone.
 */
export default defineRule({
  meta: {
    id: 'DG112',
    name: 'live-restore-missing',
    description: 'Containers do not keep running while the daemon restarts.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '2.15', 'v1.5.0': '2.15' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      disabled: '"live-restore" is false: restarting or upgrading dockerd stops every container, which makes security updates of the daemon costly to apply; set it to true unless the host is in a swarm (CIS 2.15).',
      missing: '"live-restore" is not set, so it defaults to false: restarting or upgrading dockerd stops every container, which makes security updates of the daemon costly to apply; set "live-restore": true unless the host is in a swarm (CIS 2.15).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const swarmEvident = host.config.has('swarm-default-advertise-addr') || host.config.member('features', 'swarm-nftables')?.value === true;
    if (swarmEvident) return;
    checkBooleanSetting(context, host, {
      key: 'live-restore',
      wanted: true,
      messages: { wrong: 'disabled', missing: 'missing' },
      fixTitle: 'Set "live-restore" to true (containers keep running while dockerd restarts; swarm init and join are refused)',
    });
  },
});
