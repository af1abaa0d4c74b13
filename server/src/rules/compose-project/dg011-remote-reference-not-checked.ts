import { defineRule } from '../../engine/rule';

/** A git or OCI `include`/`extends` is fetched by Compose when it runs; dockguard never fetches, so what it brings is not judged. */
export default defineRule({
  meta: {
    id: 'DG011',
    name: 'remote-reference-not-checked',
    description: 'A Compose `include` or `extends` names a git or OCI source: dockguard never fetches it, so what it brings is not checked.',
    severity: 'info',
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      remote: 'The {{reference}} is fetched by Compose when it runs and never by dockguard: the services and settings it brings are not checked. Vendor the file to have it judged.',
    },
  },
  check(context, { problems }) {
    for (const problem of problems) {
      if (problem.kind === 'remote') context.report({ messageId: 'remote', data: { reference: problem.message }, at: { file: problem.file, span: problem.span } });
    }
  },
});
