import { defineRule } from '../../engine/rule';
import { namedLocation, tlsFiles } from '../../model/host-metadata';
import { commandFix, describePath, permissionProblem } from '../../model/host-permissions';

/** The daemon's TLS key proves its identity; the CA decides which clients may drive it. */
export default defineRule({
  meta: {
    id: 'DG506',
    name: 'tls-file-permissions',
    description: 'A TLS file dockerd loads (tlscacert, tlscert: root:root 444; tlskey: root:root 400) is looser, or missing.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '3.9–3.14' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'host',
    messages: {
      permissions: '"{{key}}" names {{path}}, which is {{actual}}; it should be {{wanted}} or stricter: {{why}} (CIS {{cis}}).',
      missing: '"{{key}}" names {{path}}, which does not exist on this host: dockerd will not start with TLS on (CIS {{cis}}).',
    },
    fix: 'display-only',
  },
  check(context, host) {
    for (const named of tlsFiles(host.daemon)) {
      const fact = host.facts.get(named.path);
      const key = named.key === 'tlskey';
      const cis = { tlscacert: '3.9/3.10', tlscert: '3.11/3.12', tlskey: '3.13/3.14' }[named.key];
      const at = namedLocation(host, named);
      if (!fact || fact.error) continue; // DG512 says why it could not be examined
      if (!fact.type) {
        context.report({ messageId: 'missing', data: { key: named.key, path: named.path, cis }, at, severity: key ? 'error' : 'warning' });
        continue;
      }
      const problem = permissionProblem(host, fact, { group: 'root', mode: key ? 0o400 : 0o444 });
      if (!problem) continue;
      const why = key ? 'whoever can read the key can impersonate the daemon to its clients' : 'whoever can replace it decides which certificates the daemon trusts or presents';
      context.report({
        messageId: 'permissions',
        data: { key: named.key, path: describePath(fact), actual: problem.actual, wanted: problem.wanted, why, cis },
        at,
        severity: key ? 'error' : 'warning',
        fixes: [commandFix(problem.command)],
      });
    }
  },
});
