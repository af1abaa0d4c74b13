import { defineRule } from '../../engine/rule';
import { removalFix } from '../../model/fixes';
import { originValueLocation } from '../../model/origin';

/** Entries that mark every registry on any network insecure. */
const EVERY_NETWORK = new Set(['0.0.0.0/0', '::/0']);

/** dockerd already treats loopback registries as insecure (127.0.0.0/8, ::1/128): listing them changes nothing. */
function isLoopback(entry: string): boolean {
  const host = entry.replace(/^\[/, '').replace(/(\]?:\d+)$/, '').replace(/\/\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Insecure registries are pulled from over HTTP or unverified TLS, so an image can be swapped in transit. */
export default defineRule({
  meta: {
    id: 'DG108',
    name: 'insecure-registries',
    description: 'Registries are marked insecure (no verified TLS).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.5', 'v1.5.0': '2.5' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      insecure: '"{{registry}}" is an insecure registry: images from it are pulled without verified TLS, so anyone on the network path can replace them; give the registry a certificate the daemon trusts (/etc/docker/certs.d/) and remove the entry (CIS 2.5).',
      everyNetwork: '"{{registry}}" marks every registry on every network insecure: any image pull can be intercepted and replaced; remove the entry (CIS 2.5).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    for (const entry of host.config.items('insecure-registries')) {
      if (typeof entry.value !== 'string' || isLoopback(entry.value.trim())) continue;
      const registry = entry.value;
      const everyNetwork = EVERY_NETWORK.has(registry.trim());
      context.report({
        messageId: everyNetwork ? 'everyNetwork' : 'insecure',
        severity: everyNetwork ? 'error' : undefined,
        data: { registry },
        at: originValueLocation(entry.origin),
        fixes: () => removalFix(host, entry, `Remove "${registry}" from "insecure-registries" (pulls from it fail until it serves a trusted certificate)`),
      });
    }
  },
});
