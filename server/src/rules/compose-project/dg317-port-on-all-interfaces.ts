import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import { addMember } from '../../formats/compose/edits';
import { fileOf, replaceScalarFix } from '../../model/compose/fixes';
import { onEveryInterface, publishedPorts, type PublishedPort } from '../../model/compose/ports';
import { reportPerPlace, type PlaceHit } from './report';

/** A port published without a host address listens on every interface, past the host's firewall. */
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
      everyInterface: 'Port "{{port}}" is bound to {{address}}, every host interface: Docker\'s own iptables rules let it past a host firewall such as ufw; bind it to the interface that should serve it (CIS 5.14).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const port of publishedPorts(service)) {
        if (!onEveryInterface(port)) continue;
        const written = fileOf(files, port.node).text.slice(port.node.span.start, port.node.span.end);
        const data = { port: port.long ? `${port.hostPort ?? ''}:${port.containerPort}`.replace(/^:/, '') : written.replace(/^["']|["']$/g, ''), address: port.hostIp ?? '' };
        const title = `Publish on 127.0.0.1 only (other hosts can no longer connect)`;
        hits.push({ service, file: port.node.file, span: port.node.span, messageId: port.hostIp ? 'everyInterface' : 'unbound', data, fixes: (note) => loopbackFix(fileOf(files, port.node), port, `${title}${note}`) });
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
