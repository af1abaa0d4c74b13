import { defineRule } from '../../engine/rule';
import { replaceScalarFix } from '../../model/compose/fixes';
import { literalOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** A container that restarts forever turns a crash loop into a resource drain and hides an attack. */
export default defineRule({
  meta: {
    id: 'DG319',
    name: 'restart-policy-unbounded',
    description: 'A service restarts without a bound (`restart: always` or `unless-stopped`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.15', 'v1.5.0': '5.14' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { unbounded: '"restart: {{policy}}" restarts the container without a bound: a crash loop (or an exploit retried) goes on forever; "on-failure:5" stops after five failures (CIS 5.15).' },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const restart = setting(service, 'restart');
      const policy = literalOf(restart?.value);
      if (!restart || (policy !== 'always' && policy !== 'unless-stopped')) continue;
      hits.push({ service, file: restart.value.file, span: restart.span, messageId: 'unbounded', data: { policy }, fixes: (note) => replaceScalarFix(files, restart.value, 'on-failure:5', `Set "restart: on-failure:5" (the container no longer restarts after a clean exit or a reboot)${note}`, 'unsafe') });
    }
    reportPerPlace(context, hits);
  },
});
