import { defineRule } from '../../engine/rule';
import { literalOf, setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';

/** Root in a container is root on the host's kernel: one escape away from the host. */
export default defineRule({
  meta: {
    id: 'DG321',
    name: 'runs-as-root',
    description: 'A service runs as root (`user` unset, `root`, `0` or `0:0`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '4.1', 'v1.5.0': '4.1' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" sets no "user": it runs as the image\'s user, root unless the image says otherwise; root in a container is one kernel bug away from root on the host (CIS 4.1).',
      root: '"user: {{user}}" runs the container as root: one kernel bug away from root on the host; run as an unprivileged user (CIS 4.1).',
    },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const user = setting(service, 'user');
      if (!user) {
        reportMissing(context, service, 'missing');
        continue;
      }
      const text = literalOf(user.value);
      const uid = text?.split(':')[0].trim();
      if (uid === 'root' || uid === '0') hits.push({ service, file: user.value.file, span: user.span, messageId: 'root', data: { user: text! } });
    }
    reportPerPlace(context, hits);
  },
});
