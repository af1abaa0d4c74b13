import { defineRule } from '../../engine/rule';
import { tcpHosts } from '../../model/hosts';
import { originLocation } from '../../model/origin';

/** Once the API is reachable over the network, an authorization plugin decides what each client may do. */
export default defineRule({
  meta: {
    id: 'DG114',
    name: 'authorization-plugin-missing',
    description: 'The API listens on tcp and no authorization plugin restricts what clients may do.',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '2.12', 'v1.5.0': '2.12' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      missing: 'The daemon listens on {{host}} and no "authorization-plugins" are set: every client that gets in may run anything, privileged containers included; add an authorization plugin that limits what each client may do (CIS 2.12).',
    },
  },
  check(context, host) {
    const [first] = tcpHosts(host.config);
    if (!first || host.config.items('authorization-plugins').length > 0) return;
    const emptyList = host.config.get('authorization-plugins');
    const at = emptyList ? originLocation(emptyList.origin) : host.anchor;
    if (at) context.report({ messageId: 'missing', data: { host: String(first.setting.value) }, at });
  },
});
