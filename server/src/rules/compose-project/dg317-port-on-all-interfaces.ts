import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import { addMember } from '../../formats/compose/edits';
import { fileOf, replaceScalarFix } from '../../model/compose/fixes';
import { defaultBinding, ignoredIpRelated } from '../../model/compose/port-binding';
import { onEveryInterface, publishedPorts, type PublishedPort } from '../../model/compose/ports';
import { reportPerPlace, type PlaceHit } from './report';

/**
 * A port published without a host address listens on every interface, past the host's firewall,
 * unless its network binds ports to one address (model/compose/port-binding.ts): the daemon's "ip"
 * does so for the default bridge alone (`network_mode: bridge`); Compose's networks are user-defined
 * bridges, which ignore it (moby#18237, docker/for-linux#370; docker/compose#8118, which would have
 * carried it over, was closed unmerged) and follow their `driver_opts` or the daemon's
 * `default-network-opts` instead.
 */
export default defineRule({
  meta: {
    id: 'DG317',
    name: 'port-on-all-interfaces',
    description: 'A service publishes a port on every host interface (no host IP, or `0.0.0.0`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.14', 'v1.5.0': '5.13' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      unbound: 'Port "{{port}}" is published on every host interface: Docker\'s own iptables rules let it past a host firewall such as ufw; bind it to the interface that should serve it, e.g. "127.0.0.1:" (CIS 5.14).',
      unboundComposeNetwork: 'Port "{{port}}" is published on every host interface: the daemon\'s "ip": "{{ip}}" binds the default bridge\'s ports only, and this service is on a Compose network, a user-defined bridge that ignores it (moby#18237); Docker\'s own iptables rules let the port past a host firewall such as ufw; bind it to the interface that should serve it, e.g. "127.0.0.1:", or give the network a "com.docker.network.bridge.host_binding_ipv4" (CIS 5.14).',
      everyInterface: 'Port "{{port}}" is bound to {{address}}, every host interface: Docker\'s own iptables rules let it past a host firewall such as ufw; bind it to the interface that should serve it (CIS 5.14).',
    },
    fix: 'unsafe',
  },
  check(context, model) {
    const { files, services } = model;
    const hits: PlaceHit[] = [];
    for (const service of services) {
      // A port without an address of its own gets its network's binding address.
      const binding = defaultBinding(model, service);
      for (const port of publishedPorts(service)) {
        if (!onEveryInterface(port)) continue;
        if (!port.hostIp && binding.kind !== 'everywhere') continue;
        const ignoredIp = !port.hostIp && binding.kind === 'everywhere' ? binding.ignoredIp : undefined;
        const file = fileOf(files, port.node);
        const written = file.text.slice(port.node.span.start, port.node.span.end);
        const data = { port: port.long ? `${port.hostPort ?? ''}:${port.containerPort}`.replace(/^:/, '') : written.replace(/^["']|["']$/g, ''), address: port.hostIp ?? '', ip: String(ignoredIp?.value ?? '') };
        const title = `Publish on 127.0.0.1 only (other hosts can no longer connect)`;
        const messageId = port.hostIp ? 'everyInterface' : ignoredIp ? 'unboundComposeNetwork' : 'unbound';
        hits.push({ service, file: port.node.file, span: port.node.span, messageId, data, related: ignoredIp && ignoredIpRelated(ignoredIp), fixes: (note) => loopbackFix(file, port, `${title}${note}`) });
      }
    }
    reportPerPlace(context, hits);
  },
});

/** `"8080:80"` → `"127.0.0.1:8080:80"`, `80` → `127.0.0.1::80`, `0.0.0.0:` → `127.0.0.1:`, or `host_ip: 127.0.0.1`. */
function loopbackFix(file: ComposeFile, port: PublishedPort, title: string): FixProposal[] {
  if (port.long) {
    if (port.hostIpMember) return replaceScalarFix([file], port.hostIpMember.value, '127.0.0.1', title, 'unsafe');
    const edit = port.node.type === 'map' ? addMember(file.text, port.node, 'host_ip', '127.0.0.1') : undefined;
    return edit ? [{ title, safety: 'unsafe', edits: [edit] }] : [];
  }
  const written = file.text.slice(port.node.span.start, port.node.span.end);
  const start = port.node.span.start + (/^["']/.test(written) ? 1 : 0);
  const content = file.text.slice(start, port.node.span.end);
  const address = /^(\[[^\]]*\]|0\.0\.0\.0|::)?:/.exec(content);
  if (address && port.hostIp !== undefined) return [{ title, safety: 'unsafe', edits: [{ offset: start, length: address[0].length, content: '127.0.0.1:' }] }];
  const separator = port.hostPort === undefined ? '127.0.0.1::' : '127.0.0.1:';
  return [{ title, safety: 'unsafe', edits: [{ offset: start, length: 0, content: separator }] }];
}
