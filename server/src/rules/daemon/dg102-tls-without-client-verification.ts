import { defineRule } from '../../engine/rule';
import { settingFix } from '../../model/fixes';
import { tcpHosts } from '../../model/hosts';
import { originLocation } from '../../model/origin';

/** `tlsverify: false` still turns TLS on (reference §2.4), but then any client may connect. */
export default defineRule({
  meta: {
    id: 'DG102',
    name: 'tls-without-client-verification',
    description: 'TLS is on for a tcp listener but client certificates are not verified.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '2.7', 'v1.5.0': '2.7' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      unverified: '"tlsverify" is false while the daemon listens on {{host}}: TLS encrypts the connection but any client that reaches the port drives the daemon, and so the host as root; set "tlsverify": true so only clients with a certificate signed by your CA get in (CIS 2.7).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const verify = host.config.get('tlsverify');
    if (verify?.value !== false) return;
    const [first] = tcpHosts(host.config);
    if (!first) return;
    context.report({
      messageId: 'unverified',
      data: { host: String(first.setting.value) },
      at: originLocation(verify.origin),
      fixes: () => settingFix(host, 'tlsverify', true, 'Set "tlsverify" to true (clients without a certificate signed by your CA are refused; dockerd then needs "tlscacert")'),
    });
  },
});
