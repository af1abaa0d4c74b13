import { defineRule } from '../../engine/rule';
import { settingFix } from '../../model/fixes';
import { originValueLocation } from '../../model/origin';

const ALL_INTERFACES = new Set(['0.0.0.0', '::']);

/**
 * `ip` is the address a port published on the default bridge without one (`-p 8080:80`) listens on
 * (user-defined networks take `com.docker.network.bridge.host_binding_ipv4` instead). Docker's own iptables
 * rules run before the host firewall's (ufw, firewalld), so such a port is open to every network.
 * Noisy by nature, hence info and a message that says why.
 */
export default defineRule({
  meta: {
    id: 'DG119',
    name: 'default-bind-all-interfaces',
    description: 'Ports published without an address listen on every interface.',
    severity: 'info',
    cis: { 'v1.6.0': '5.14', 'v1.5.0': '5.13' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      allInterfaces: '"ip" is "{{ip}}": ports published on the default bridge without an address (docker run -p 8080:80) listen on every interface, and Docker\'s iptables rules let that traffic past host firewalls such as ufw or firewalld; set "ip" to 127.0.0.1 (or the one interface that should serve) and publish public ports with an explicit address. "ip" sets the host binding of the default bridge only: user-defined networks (Compose\'s too) take the network option com.docker.network.bridge.host_binding_ipv4 (CIS 5.14).',
      missing: '"ip" is not set, so ports published on the default bridge without an address (docker run -p 8080:80) listen on every interface, and Docker\'s iptables rules let that traffic past host firewalls such as ufw or firewalld; set "ip" to 127.0.0.1 (or the one interface that should serve) and publish public ports with an explicit address. "ip" sets the host binding of the default bridge only: user-defined networks (Compose\'s too) take the network option com.docker.network.bridge.host_binding_ipv4 (CIS 5.14).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    // `ip` acts on the default bridge only; with `"bridge": "none"` there is none.
    if (!host.config.hasDefaultBridge()) return;
    const fixes = () => settingFix(host, 'ip', '127.0.0.1', 'Set "ip" to "127.0.0.1" (ports published on the default bridge without an address are reachable from this host only)');
    const ip = host.config.get('ip');
    if (!ip) {
      if (host.anchor) context.report({ messageId: 'missing', at: host.anchor, fixes });
      return;
    }
    if (typeof ip.value === 'string' && ALL_INTERFACES.has(ip.value.trim())) {
      context.report({ messageId: 'allInterfaces', data: { ip: ip.value }, at: originValueLocation(ip.origin), fixes });
    }
  },
});
