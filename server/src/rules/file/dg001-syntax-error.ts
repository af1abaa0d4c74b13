import { defineRule } from '../../engine/rule';

/** The file does not parse. One finding per error, at the error; the parser never throws. */
export default defineRule({
  meta: {
    id: 'DG001',
    name: 'syntax-error',
    description: 'The file does not parse.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd', 'compose', 'audit'],
    reads: 'file',
    messages: { syntax: 'Syntax error: {{message}}' },
  },
  check(context, file) {
    for (const error of file.syntaxErrors) {
      context.report({ messageId: 'syntax', data: { message: error.message }, at: { file: file.path, span: error.span } });
    }
  },
});
