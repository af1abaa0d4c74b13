import { defineRule } from '../../engine/rule';

/** A unit edited without a restart: what dockguard judged on disk is not what runs. */
export default defineRule({
  meta: {
    id: 'DG513',
    name: 'running-config-differs',
    description: "The running dockerd's command line differs from the unit on disk.",
    severity: 'info',
    kinds: ['systemd'],
    reads: 'host',
    messages: {
      differs: 'the running dockerd (pid {{pid}}) was started as `{{running}}`, not as this ExecStart says (`{{unit}}`): the unit was changed without a restart, so the findings on it are not yet what runs.',
    },
    fix: 'display-only',
  },
  check(context, host) {
    const command = host.daemon?.service?.command;
    if (!host.running || !command || command.legacy || command.rootless) return;
    const unit = command.args.words.map((w) => w.text.text);
    // A $VAR systemd expands at start cannot be compared with what it became.
    if (unit.some((word) => word.includes('$'))) return;
    const running = host.running.args.slice(1);
    if (running.length === unit.length && running.every((arg, i) => arg === unit[i])) return;
    context.report({
      messageId: 'differs',
      data: { pid: host.running.pid, running: ['dockerd', ...running].join(' '), unit: ['dockerd', ...unit].join(' ') },
      at: { file: command.file, span: command.executable },
      fixes: [{ title: 'Run: systemctl daemon-reload && systemctl restart docker', safety: 'display-only', edits: [] }],
    });
  },
});
