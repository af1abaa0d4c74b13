import { defineRule } from '../../engine/rule';

/** A check that cannot read its file must say so, not pass. */
export default defineRule({
  meta: {
    id: 'DG512',
    name: 'unreadable-file',
    description: 'Host mode could not read or examine a file its checks need.',
    severity: 'info',
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      unreadable: 'cannot read {{path}} ({{error}}): the checks that need it were skipped; run as root to see more.',
      unexamined: 'cannot examine {{path}} ({{error}}): its owner and mode were not checked; run as root to see more.',
      loop: '{{path}} is a loop of symbolic links: nothing can read it.',
    },
  },
  check(context, host) {
    for (const fact of host.facts.values()) {
      if (!fact.error) continue;
      const messageId = fact.error === 'ELOOP' ? 'loop' : fact.type ? 'unreadable' : 'unexamined';
      context.report({ messageId, data: { path: fact.path, error: fact.error }, at: host.at(fact.path) });
    }
  },
});
