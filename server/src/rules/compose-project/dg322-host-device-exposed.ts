import { defineRule } from '../../engine/rule';
import { member } from '../../formats/compose/yaml-tree';
import { normalizeHostPath } from '../../model/compose/mounts';
import { itemsOf, setting, textOf } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** A host device in a container is direct access to hardware (a disk, the GPU, /dev/mem …). */
export default defineRule({
  meta: {
    id: 'DG322',
    name: 'host-device-exposed',
    description: 'A service is given host devices (`devices`).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.18', 'v1.5.0': '5.17' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      device: 'Host device "{{device}}" is exposed to the container: it can use it directly, bypassing the host\'s access controls; expose only the devices it needs, read-only where it can (CIS 5.18).',
      allDevices: 'The host\'s whole /dev is exposed to the container: every disk and device of the host, i.e. the host itself (CIS 5.18).',
    },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const node of itemsOf(setting(service, 'devices')?.value)) {
        const device = node.type === 'map' ? textOf(member(node, 'source')?.value) : textOf(node)?.split(':')[0];
        if (device === undefined || device.startsWith('\u0000')) continue;
        const whole = normalizeHostPath(device) === '/dev';
        hits.push({ service, file: node.file, span: node.span, messageId: whole ? 'allDevices' : 'device', data: { device }, severity: whole ? 'error' : undefined });
      }
    }
    reportPerPlace(context, hits);
  },
});
