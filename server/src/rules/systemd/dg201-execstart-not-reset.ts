import { defineRule } from '../../engine/rule';

/** A drop-in adds a second ExecStart=: systemd refuses the unit unless it is Type=oneshot. */
export default defineRule({
  meta: {
    id: 'DG201',
    name: 'execstart-not-reset',
    description: 'A drop-in sets ExecStart= without first resetting it with an empty ExecStart=.',
    severity: 'error',
    kinds: ['systemd'],
    reads: 'systemd',
    messages: {
      notReset: 'This drop-in adds a second ExecStart= to {{unit}}: systemd refuses the unit ("Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services"); put an empty "ExecStart=" line before it.',
    },
    fix: 'safe',
  },
  check(context, file) {
    if (file.role !== 'drop-in' || !file.unit) return;
    const service = file.unit.directives.filter((d) => d.section === 'Service');
    if (service.some((d) => d.name === 'Type' && d.value.text === 'oneshot')) return;
    let reset = false;
    for (const directive of service) {
      if (directive.name !== 'ExecStart') continue;
      if (directive.empty) reset = true;
      else if (!reset) {
        context.report({
          messageId: 'notReset',
          data: { unit: file.unitName ?? 'the unit' },
          at: { file: file.path, span: directive.nameSpan },
          fixes: [{ title: 'Insert an empty "ExecStart=" before this line', safety: 'safe', edits: [{ offset: directive.span.start, length: 0, content: 'ExecStart=\n' }] }],
        });
        return;
      }
    }
  },
});
