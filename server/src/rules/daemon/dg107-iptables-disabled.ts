import { defineRule } from '../../engine/rule';
import { removalFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

/** Each setting that takes network plumbing away from Docker, with the fix's title. */
const PLUMBING: readonly { key: string; messageId: string; title: string }[] = [
  { key: 'iptables', messageId: 'iptables', title: 'Remove "iptables": false (Docker manages the firewall rules of its networks again)' },
  { key: 'ip-forward', messageId: 'ipForward', title: 'Remove "ip-forward": false (dockerd enables IP forwarding for container traffic again)' },
  { key: 'ip-masq', messageId: 'ipMasq', title: 'Remove "ip-masq": false (outgoing container traffic is masqueraded again)' },
];

/** Docker's isolation between networks (and icc: false) is built from the iptables rules it writes. */
export default defineRule({
  meta: {
    id: 'DG107',
    name: 'iptables-disabled',
    description: 'Docker is not allowed to manage iptables, IP forwarding or masquerading.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.4', 'v1.5.0': '2.4' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      iptables: '"iptables" is false: Docker no longer writes the firewall rules that isolate its networks and forward published ports, so containers end up exposed or unreachable in ways no rule describes; remove the setting and let Docker manage iptables (CIS 2.4).',
      ipForward: '"ip-forward" is false: dockerd no longer enables IP forwarding, so container traffic is routed only if the host happens to forward, outside Docker\'s firewall rules; remove the setting (CIS 2.4).',
      ipMasq: '"ip-masq" is false: outgoing container traffic leaves with its private bridge address, which breaks connections or leaks internal addressing; remove the setting (CIS 2.4).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const iptablesOff = host.config.get('iptables')?.value === false;
    for (const { key, messageId, title } of PLUMBING) {
      const setting = host.config.get(key);
      if (setting?.value !== false) continue;
      // iptables: false already forces ip-masq off: one finding for that cause.
      if (key === 'ip-masq' && iptablesOff) continue;
      context.report({ messageId, at: originLocation(setting.origin), fixes: () => removalFix(host, setting, title) });
    }
  },
});
