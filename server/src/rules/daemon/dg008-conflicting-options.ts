import { defineRule, type Report } from '../../engine/rule';
import type { Setting } from '../../model/daemon-config';
import { describeOrigin, originLocation, originValueLocation } from '../../model/origin';

/** Runtimes dockerd always has (reference §2.3). */
const STOCK_RUNTIMES = new Set(['runc', 'io.containerd.runc.v2']);

/**
 * Settings that are fine alone but that dockerd refuses together (reference §2.4). Judged on the
 * effective configuration, so a daemon.json key and a dockerd flag conflict the same way.
 */
export default defineRule({
  meta: {
    id: 'DG008',
    name: 'conflicting-options',
    description: 'Settings dockerd refuses in combination: it does not start.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      iccWithoutIptables: '"icc": false needs iptables to block traffic between containers, but iptables is off: dockerd refuses to start; turn iptables back on (CIS 2.4).',
      iccWithoutIp6tables: '"icc": false with IPv6 on needs ip6tables, but ip6tables is off: dockerd refuses to start; turn ip6tables back on.',
      bridgeAddress: '"{{key}}" cannot be combined with "bridge": dockerd refuses to start; set the address on that bridge itself, or drop "bridge".',
      hostGatewayBoth: '"host-gateway-ip" and "host-gateway-ips" are both set: dockerd refuses to start; keep only "host-gateway-ips".',
      sameNamespace: '"containerd-namespace" and "containerd-plugins-namespace" are both "{{namespace}}": dockerd refuses to start; they must differ.',
      pluginsNamespaceDefault: '"containerd-namespace" is "plugins.moby", the default of "containerd-plugins-namespace": dockerd refuses to start; the two namespaces must differ.',
      usernsSnapshotter: '"userns-remap" cannot be used with the containerd image store (feature "containerd-snapshotter": true): dockerd refuses to start.',
      embeddedCri: 'The feature "embedded-containerd" cannot be combined with "cri-containerd": dockerd refuses to start.',
      missingRuntime: 'The default runtime "{{runtime}}" does not exist: dockerd refuses to start; define it under "runtimes" or use "runc".',
    },
  },
  check(context, host) {
    const { config } = host;
    const report = (messageId: string, at: Setting, other?: Setting, data?: Report['data'], atValue = false) => context.report({
      messageId,
      data,
      at: atValue ? originValueLocation(at.origin) : originLocation(at.origin),
      related: other ? [{ location: originLocation(other.origin), message: `conflicts with ${describeOrigin(other.origin)}` }] : [],
    });
    const isFalse = (key: string) => config.get(key)?.value === false;

    const icc = config.get('icc');
    if (icc && icc.value === false) {
      if (isFalse('iptables')) report('iccWithoutIptables', icc, config.get('iptables'));
      else if (config.value('ipv6') === true && isFalse('ip6tables')) report('iccWithoutIp6tables', icc, config.get('ip6tables'));
    }

    const bridge = config.get('bridge');
    if (bridge && bridge.value !== '') {
      for (const key of ['bip', 'bip6']) {
        const address = config.get(key);
        if (address && address.value !== '') report('bridgeAddress', address, bridge, { key });
      }
    }

    const singleGateway = config.get('host-gateway-ip');
    const gateways = config.get('host-gateway-ips');
    if (singleGateway && gateways) report('hostGatewayBoth', singleGateway, gateways);

    const namespace = config.get('containerd-namespace');
    const pluginsNamespace = config.get('containerd-plugins-namespace');
    const namespaceValue = namespace?.value ?? 'moby';
    if ((namespace || pluginsNamespace) && namespaceValue === (pluginsNamespace?.value ?? 'plugins.moby')) {
      if (namespace && !pluginsNamespace) report('pluginsNamespaceDefault', namespace);
      else report('sameNamespace', (namespace ?? pluginsNamespace)!, namespace && pluginsNamespace, { namespace: String(namespaceValue) });
    }

    const userns = config.get('userns-remap');
    const snapshotter = config.member('features', 'containerd-snapshotter');
    if (userns && userns.value !== '' && snapshotter?.value === true) report('usernsSnapshotter', userns, snapshotter);

    const embedded = config.member('features', 'embedded-containerd');
    const cri = config.get('cri-containerd');
    if (embedded?.value === true && cri?.value === true) report('embeddedCri', cri, embedded);

    const runtime = config.get('default-runtime');
    if (runtime && typeof runtime.value === 'string' && !runtimeExists(runtime.value, config.all('runtimes'))) {
      report('missingRuntime', runtime, undefined, { runtime: runtime.value }, true);
    }
  },
});

/** runc, a configured runtime, or a containerd shim name (dots, no slash: `io.containerd.kata.v2`). */
function runtimeExists(name: string, runtimes: Setting[]): boolean {
  if (STOCK_RUNTIMES.has(name) || (name.includes('.') && !name.includes('/'))) return true;
  return runtimes.some((source) => (source.members ?? []).some((m) => m.key === name));
}
