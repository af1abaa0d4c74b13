import { defineRule } from '../../engine/rule';
import { CERTS_D } from '../../model/host-metadata';
import { reportPermissions } from '../../model/host-permissions';

/** A registry's certificates decide which registry dockerd trusts to pull images from. */
export default defineRule({
  meta: {
    id: 'DG505',
    name: 'registry-cert-permissions',
    description: 'A file under /etc/docker/certs.d is not root:root with mode 444 or stricter.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.7/3.8' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      permissions: '{{path}} is {{actual}}; it should be {{wanted}} or stricter: whoever can change a registry certificate can make dockerd trust another server for that registry (CIS 3.7/3.8).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    for (const fact of host.facts.values()) {
      if (fact.path.startsWith(`${CERTS_D}/`) && fact.type === 'file') reportPermissions(context, host, fact.path, { group: 'root', mode: 0o444 });
    }
  },
});
