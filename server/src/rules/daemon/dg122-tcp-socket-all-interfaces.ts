import { defineRule } from '../../engine/rule';
import { tcpHosts } from '../../model/hosts';
import { originValueLocation } from '../../model/origin';

/** With TLS, an API on every interface is still offered to every network the host is on. */
export default defineRule({
  meta: {
    id: 'DG122',
    name: 'tcp-socket-all-interfaces',
    description: 'The Docker API listens on every interface.',
    severity: 'warning',
    cis: { 'v1.6.0': '2.7', 'v1.5.0': '2.7' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      allInterfaces: 'The daemon listens on {{host}}, every interface of the host: even with TLS the API is offered to every network the host is on, ready for a stolen client certificate or a TLS flaw; bind it to the address of a management interface (e.g. tcp://10.0.0.5:2376) (CIS 2.7).',
    },
  },
  check(context, host) {
    // Without TLS, DG101 reports the listener and says it is on every interface: one problem, one finding.
    if (!host.config.tlsEnabled()) return;
    for (const { setting, address } of tcpHosts(host.config)) {
      if (address.allInterfaces) context.report({ messageId: 'allInterfaces', data: { host: String(setting.value) }, at: originValueLocation(setting.origin) });
    }
  },
});
