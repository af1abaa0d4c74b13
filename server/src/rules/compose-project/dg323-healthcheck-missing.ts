import { defineRule } from '../../engine/rule';
import { member } from '../../formats/compose/yaml-tree';
import { booleanOf, itemsOf, literalOf, setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';

/** Without a health check a hung service looks running: nothing restarts or alerts on it. */
export default defineRule({
  meta: {
    id: 'DG323',
    name: 'healthcheck-missing',
    description: 'A service has no health check, or disables the image\'s.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.27', 'v1.5.0': '5.26' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" defines no healthcheck: unless its image has one, a hung service still looks "running" and nothing reacts to it (CIS 5.27).',
      disabled: 'The health check is disabled: a hung service still looks "running" and nothing reacts to it (CIS 5.27).',
    },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const healthcheck = setting(service, 'healthcheck');
      if (!healthcheck) {
        reportMissing(context, service, 'missing');
        continue;
      }
      const disable = member(healthcheck.value, 'disable');
      const test = member(healthcheck.value, 'test');
      if (disable && booleanOf(disable.value) === true) hits.push({ service, file: disable.value.file, span: disable.span, messageId: 'disabled' });
      else if (test && literalOf(itemsOf(test.value)[0])?.toUpperCase() === 'NONE') hits.push({ service, file: test.value.file, span: test.span, messageId: 'disabled' });
    }
    reportPerPlace(context, hits);
  },
});
