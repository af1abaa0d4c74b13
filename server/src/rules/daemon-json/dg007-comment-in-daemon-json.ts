import { defineRule } from '../../engine/rule';
import type { Span, TextEdit } from '../../engine/types';

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
          edits: [isComment ? commentRemoval(file.text, problem.span) : removal(problem.span)],
        }],
      });
    }
  },
});

function removal(span: Span): TextEdit {
  return { offset: span.start, length: span.end - span.start, content: '' };
}

/** A comment alone on its line goes with the line; one after a value goes with the spaces before it. */
function commentRemoval(text: string, span: Span): TextEdit {
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('\r', span.start - 1)) + 1;
  const before = text.slice(lineStart, span.start);
  const afterMatch = /^[ \t]*(\r\n|\n|\r|$)/.exec(text.slice(span.end));
  if (!afterMatch) return removal(span);
  if (/^[ \t]*$/.test(before) && afterMatch[1] !== '') return removal({ start: lineStart, end: span.end + afterMatch[0].length });
  const spacesBefore = /[ \t]*$/.exec(before)![0].length;
  return removal({ start: span.start - spacesBefore, end: span.end + afterMatch[0].length - afterMatch[1].length });
}
