import { defineRule } from '../../engine/rule';
import { lowestHostPort, publishedPorts } from '../../model/compose/ports';
import { reportPerPlace, type PlaceHit } from './report';

/** Host ports below 1024 are the system's; mapping one needs the daemon's privileges and hides which service owns it. */
export default defineRule({
  meta: {
    id: 'DG318',
    name: 'privileged-host-port',
    description: 'A service publishes a host port below 1024.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.8', 'v1.5.0': '5.7' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { privileged: 'Host port {{port}} is a privileged port (below 1024), reserved for system services: make sure this service is meant to be one (CIS 5.8).' },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const port of publishedPorts(service)) {
        const lowest = lowestHostPort(port);
        if (lowest === undefined || lowest === 0 || lowest >= 1024) continue;
        hits.push({ service, file: port.node.file, span: port.node.span, messageId: 'privileged', data: { port: lowest } });
      }
    }
    reportPerPlace(context, hits);
  },
});
