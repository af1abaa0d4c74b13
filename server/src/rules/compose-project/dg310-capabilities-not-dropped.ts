import { defineRule } from '../../engine/rule';
import { addSettingFix, appendItemFix } from '../../model/compose/fixes';
import { setting } from '../../model/compose/values';
import { capabilitiesOf } from './capabilities';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';

/** Docker's default capability set is broader than most services need; drop it all and add back. */
export default defineRule({
  meta: {
    id: 'DG310',
    name: 'capabilities-not-dropped',
    description: 'A service keeps Docker\'s default capabilities (no `cap_drop: [ALL]`).',
    severity: 'info',
    level: 'L2',
    cis: { 'v1.6.0': '5.4', 'v1.5.0': '5.3' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" keeps Docker\'s 14 default capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID …); "cap_drop: [ALL]" with "cap_add" for what it needs shrinks what a compromise can do (CIS 5.4).',
      partial: '"cap_drop" does not drop ALL: the default capabilities not listed stay (CIS 5.4).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const drop = setting(service, 'cap_drop');
      if (!drop) {
        reportMissing(context, service, 'missing', () => addSettingFix(files, service, 'cap_drop', '[ALL]', 'Add "cap_drop: [ALL]" (the container loses every default capability; add back what it needs with cap_add)', 'unsafe'));
        continue;
      }
      const caps = capabilitiesOf(drop.value);
      if (drop.value.type !== 'seq' || caps.some((c) => c.name === 'ALL') || caps.length < drop.value.items.length) continue;
      const list = drop.value;
      hits.push({ service, file: list.file, span: drop.span, messageId: 'partial', fixes: (note) => appendItemFix(files, list, 'ALL', `Add ALL to "cap_drop" (the container loses every default capability)${note}`, 'unsafe') });
    }
    reportPerPlace(context, hits);
  },
});
