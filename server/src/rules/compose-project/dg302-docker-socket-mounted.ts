import { defineRule } from '../../engine/rule';
import { shown } from '../../formats/compose/interpolation';
import { removeItemFix } from '../../model/compose/fixes';
import { mountsOf } from '../../model/compose/mounts';
import { reportPerPlace, type PlaceHit } from './report';
import { dockerSocketExposure } from './sensitive-paths';

/** Docker's API socket in a container: whoever holds it starts a privileged container, i.e. owns the host. */
export default defineRule({
  meta: {
    id: 'DG302',
    name: 'docker-socket-mounted',
    description: 'A service mounts Docker\'s API socket.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.32', 'v1.5.0': '5.31' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      folder: 'Mounting "{{source}}" mounts Docker\'s API socket with it (docker.sock lives there): full control of the Docker daemon, so root on the host; ":ro" does not help, the API is still writable (CIS 5.32). Mount only the files the service needs.',
      socket: 'Mounting "{{source}}" gives the container full control of the Docker daemon: it can start a privileged container with the host\'s / mounted, so it is root on the host; ":ro" does not help, the API is still writable (CIS 5.32). Use a socket proxy that allows only the calls needed.',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const mount of mountsOf(service)) {
        const exposure = dockerSocketExposure(mount);
        if (!exposure) continue;
        hits.push({ service, file: mount.node.file, span: mount.node.span, messageId: exposure, data: { source: shown(mount.source!) }, fixes: (note) => removeItemFix(files, mount.node, `Remove the Docker socket mount (the service can no longer drive Docker)${note}`, 'unsafe') });
      }
    }
    reportPerPlace(context, hits);
  },
});
