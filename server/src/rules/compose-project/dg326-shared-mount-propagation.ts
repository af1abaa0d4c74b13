import { defineRule } from '../../engine/rule';
import { shown } from '../../formats/compose/interpolation';
import { member } from '../../formats/compose/yaml-tree';
import { removeModeOptionFix, removePairFix } from '../../model/compose/fixes';
import { mountsOf } from '../../model/compose/mounts';
import { reportPerPlace, type PlaceHit } from './report';

/** Shared propagation lets mounts made in the container appear on the host (and the other way). */
export default defineRule({
  meta: {
    id: 'DG326',
    name: 'shared-mount-propagation',
    description: 'A bind mount uses shared propagation (`shared`, `rshared`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.20', 'v1.5.0': '5.19' },
    kinds: ['compose'],
    reads: 'compose-project',
    fix: 'unsafe',
    messages: { shared: 'The mount of "{{source}}" uses "{{propagation}}" propagation: mounts made inside the container appear on the host, so a container with mount rights changes the host\'s filesystem tree (CIS 5.20).' },
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const mount of mountsOf(service)) {
        if (mount.type !== 'bind' || (mount.propagation !== 'shared' && mount.propagation !== 'rshared')) continue;
        const propagation = mount.propagation;
        const title = `Remove "${propagation}" propagation (mounts made in the container stay in it)`;
        const fixes = (note: string) => {
          const pair = member(member(mount.node, 'bind')?.value, 'propagation');
          return pair ? removePairFix(files, pair, `${title}${note}`, 'unsafe') : removeModeOptionFix(files, mount.node, propagation, `${title}${note}`, 'unsafe');
        };
        hits.push({ service, file: mount.node.file, span: mount.node.span, messageId: 'shared', data: { source: shown(mount.source ?? ''), propagation }, fixes });
      }
    }
    reportPerPlace(context, hits);
  },
});
