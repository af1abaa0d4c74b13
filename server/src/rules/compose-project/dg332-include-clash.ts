import { defineRule } from '../../engine/rule';

/**
 * compose-go up to 2.9 refused a resource that an `include` brings and the including file (or another
 * include) defines too ("conflicts with imported resource"); from 2.10 it merges them (loader/include.go's
 * importResources: what the model already holds over what the include brings). dockguard judges the
 * merged service and says where the halves are.
 */
export default defineRule({
  meta: {
    id: 'DG332',
    name: 'include-clash',
    description: 'A resource is defined both in an included file and in the including file (or in two includes): Compose merges them.',
    severity: 'info',
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      clash: '{{resource}} "{{name}}" is also defined by an included file: Compose 2.10 and later merge the definitions, the including file\'s over the included one and an earlier include\'s over a later one (earlier releases stop with "conflicts with imported resource"); the merged service is what is judged.',
    },
  },
  check(context, { clashes }) {
    for (const clash of clashes) {
      context.report({
        messageId: 'clash',
        data: { resource: clash.resource === 'services' ? 'Service' : clash.resource, name: clash.name },
        at: clash.at,
        related: [{ location: clash.other, message: `the included definition of "${clash.name}"` }],
      });
    }
  },
});
