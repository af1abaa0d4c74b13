import { defineRule } from '../../engine/rule';

/** Comments and trailing commas: jsonc tools accept them, dockerd's strict JSON parser does not. */
export default defineRule({
  meta: {
    id: 'DG007',
    name: 'comment-in-daemon-json',
    description: 'Comments or trailing commas in daemon.json, which dockerd refuses.',
    severity: 'error',
    kinds: ['daemon-json'],
    reads: 'daemon-json',
    messages: { strict: 'Invalid daemon.json: {{message}}.' },
    fix: 'safe',
  },
  check(context, file) {
    for (const problem of file.strictnessErrors) {
      const isComment = problem.message.startsWith('comments');
      context.report({
        messageId: 'strict',
        data: { message: problem.message },
        at: { file: file.path, span: problem.span },
        fixes: [{
          title: isComment ? 'Remove the comment' : 'Remove the trailing comma',
          safety: 'safe',
          edits: [{ offset: problem.span.start, length: problem.span.end - problem.span.start, content: '' }],
        }],
      });
    }
  },
});
