import { defineRule } from '../../engine/rule';

/**
 * Settings from a source outside the workspace — `$DOCKER_OPTS` from an EnvironmentFile=, a
 * `--config-file` — cannot be judged; the host model keeps rules about missing settings silent.
 */
export default defineRule({
  meta: {
    id: 'DG206',
    name: 'hidden-daemon-options',
    description: 'Settings come from a source not in the workspace (an EnvironmentFile variable, a --config-file).',
    severity: 'info',
    kinds: ['systemd'],
    reads: 'daemon',
    messages: {
      hidden: '${{name}} comes from {{envFile}}, which is not in the workspace: the dockerd flags it holds cannot be checked, so no rule says a setting is missing; add that file to lint them.',
      configFile: '--config-file names {{path}}, which is not in the workspace: the settings it holds cannot be checked, so no rule says a setting is missing; add that file to lint it.',
    },
  },
  check(context, host) {
    if (host.hiddenConfig) context.report({ messageId: 'configFile', data: { path: host.hiddenConfig.path }, at: { file: host.hiddenConfig.file, span: host.hiddenConfig.span } });
    for (const hidden of host.command?.hidden ?? []) {
      context.report({ messageId: 'hidden', data: { name: hidden.name, envFile: hidden.envFile }, at: { file: hidden.file, span: hidden.span } });
    }
  },
});
