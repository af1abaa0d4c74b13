import { defineRule } from '../../engine/rule';
import { member } from '../../formats/compose/yaml-tree';
import { removePairFix } from '../../model/compose/fixes';
import { literalOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** With logging off, an incident leaves no trace of what the service did. */
export default defineRule({
  meta: {
    id: 'DG330',
    name: 'logging-disabled',
    description: 'A service turns its logs off (`logging.driver: none`).',
    severity: 'warning',
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { none: '"driver: none" discards the container\'s output: an incident leaves no trace of what it did, and `docker logs` shows nothing.' },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const logging = setting(service, 'logging');
      const driver = member(logging?.value, 'driver');
      if (!logging || !driver || literalOf(driver.value) !== 'none') continue;
      // The driver alone: the whole `logging` pair goes (an empty mapping left behind says nothing).
      const only = logging.value.type === 'map' && logging.value.members.length === 1;
      hits.push({ service, file: driver.value.file, span: driver.span, messageId: 'none', fixes: (note) => removePairFix(files, only ? logging : driver, `Remove "driver: none" (the daemon's default log driver applies)${note}`, 'unsafe') });
    }
    reportPerPlace(context, hits);
  },
});
