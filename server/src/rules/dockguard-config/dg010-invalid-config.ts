import { configProblems } from '../../engine/project-config';
import { defineRule } from '../../engine/rule';

/**
 * `.dockguard.yaml` does not parse or does not match schemas/dockguard-config.schema.json: one
 * finding per problem, at the bad key or value. Such a config is not used (the CLI exits 2; the
 * editor lints with the defaults and says so once).
 */
export default defineRule({
  meta: {
    id: 'DG010',
    name: 'invalid-config',
    description: 'The .dockguard.yaml config file does not parse or does not match its schema.',
    severity: 'error',
    kinds: ['dockguard-config'],
    reads: 'dockguard-config',
    messages: { invalid: 'Invalid dockguard config: {{message}}; until it is fixed, dockguard lints with the defaults.' },
  },
  check(context, file) {
    for (const problem of configProblems(file, context.options.ruleIds)) {
      context.report({ messageId: 'invalid', data: { message: problem.message }, at: { file: file.path, span: problem.span } });
    }
  },
});
