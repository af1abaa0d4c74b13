import { defineRule } from '../../engine/rule';

/** `$DOCKER_OPTS` from an EnvironmentFile= outside the workspace: those flags cannot be judged. */
export default defineRule({
  meta: {
    id: 'DG206',
    name: 'hidden-daemon-options',
    description: 'ExecStart expands a variable from an EnvironmentFile that is not in the workspace.',
    severity: 'info',
    kinds: ['systemd'],
    reads: 'daemon',
    messages: {
      hidden: '${{name}} comes from {{envFile}}, which is not in the workspace: the dockerd flags it holds cannot be checked; add that file to lint them.',
    },
  },
  check(context, host) {
    for (const hidden of host.command?.hidden ?? []) {
      context.report({ messageId: 'hidden', data: { name: hidden.name, envFile: hidden.envFile }, at: { file: hidden.file, span: hidden.span } });
    }
  },
});
