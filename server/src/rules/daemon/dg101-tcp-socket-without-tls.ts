import { defineRule } from '../../engine/rule';
import { settingsFix } from '../../model/fixes';
import { tcpHosts } from '../../model/hosts';
import { originLocation, originValueLocation } from '../../model/origin';

/** The three files TLS needs, with the file dockerd falls back to in the daemon user's ~/.docker/. */
const TLS_FILES = { tlscacert: 'ca.pem', tlscert: 'cert.pem', tlskey: 'key.pem' } as const;
type TlsFileKey = keyof typeof TLS_FILES;

/** The paths DG101's set-up steps create; only the user knows the real ones, so the fix is display-only. */
const EXAMPLE_PATHS: Record<TlsFileKey, string> = {
  tlscacert: '/etc/docker/tls/ca.pem',
  tlscert: '/etc/docker/tls/server-cert.pem',
  tlskey: '/etc/docker/tls/server-key.pem',
};

const FIX_TITLE = 'Turn on TLS verification with your own CA, certificate and key (example paths: see the set-up steps in the rule documentation)';

/** A tcp listener without TLS verification hands the daemon (root on the host) to anyone who reaches it. */
export default defineRule({
  meta: {
    id: 'DG101',
    name: 'tcp-socket-without-tls',
    description: 'The Docker API listens on tcp without TLS client verification, or relies on implicit certificate files.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '2.7', 'v1.5.0': '2.7' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      plainTcp: 'The daemon listens on {{host}} without TLS: anyone who can reach that port controls the daemon, and so the host as root; turn on "tlsverify" with a CA, a server certificate and key, or listen on the unix socket only (CIS 2.7).',
      plainTcpAllInterfaces: 'The daemon listens on {{host}}, every interface of the host, without TLS: anyone on any network the host is on controls the daemon, and so the host as root; turn on "tlsverify" with a CA, a server certificate and key and bind to a management interface (e.g. tcp://10.0.0.5:2376), or listen on the unix socket only (CIS 2.7).',
      implicitFiles: 'TLS verification is on but {{keys}} {{verb}} not set, so dockerd reads {{files}} from the daemon user\'s ~/.docker/ directory; name each file explicitly so the daemon cannot pick up other certificates unnoticed (CIS 2.7).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    const { config } = host;
    const listeners = tcpHosts(config);
    if (listeners.length === 0) return;
    if (!config.tlsEnabled()) {
      const fixes = () => settingsFix(host, { tlsverify: true, ...EXAMPLE_PATHS }, FIX_TITLE, 'display-only');
      // One finding per listener: on every interface, this one also says what DG122 would (DG122 waits for TLS).
      for (const { setting, address } of listeners) {
        context.report({ messageId: address.allInterfaces ? 'plainTcpAllInterfaces' : 'plainTcp', data: { host: String(setting.value) }, at: originValueLocation(setting.origin), fixes });
      }
      return;
    }
    // TLS without verification is DG102's finding.
    if (!config.tlsVerify()) return;
    const missing = (Object.keys(TLS_FILES) as TlsFileKey[]).filter((key) => !config.has(key));
    const tlsSwitch = config.get('tlsverify') ?? config.get('tls');
    if (missing.length === 0 || !tlsSwitch) return;
    context.report({
      messageId: 'implicitFiles',
      severity: 'warning',
      data: {
        keys: listing(missing.map((key) => `"${key}"`)),
        verb: missing.length === 1 ? 'is' : 'are',
        files: listing(missing.map((key) => TLS_FILES[key])),
      },
      at: originLocation(tlsSwitch.origin),
      fixes: () => settingsFix(host, Object.fromEntries(missing.map((key) => [key, EXAMPLE_PATHS[key]])), FIX_TITLE, 'display-only'),
    });
  },
});

function listing(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
