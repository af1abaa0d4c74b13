import { defineRule } from '../../engine/rule';
import { addSettingFix, appendItemFix, replaceScalarFix, writtenText } from '../../model/compose/fixes';
import { setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';
import { securityOptions } from './security-options';

/** Without no-new-privileges a setuid binary in the image can raise a process's privileges. */
export default defineRule({
  meta: {
    id: 'DG312',
    name: 'no-new-privileges-missing',
    description: 'A service does not set `no-new-privileges:true` in `security_opt`.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '5.26', 'v1.5.0': '5.25' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" does not set "no-new-privileges:true": a setuid or file-capability binary in the image can give its processes more privileges than the container started with (CIS 5.26).',
      disabled: '"{{option}}" lets setuid and file-capability binaries raise a process\'s privileges (CIS 5.26).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    const title = 'Add "no-new-privileges:true" (setuid binaries such as sudo or ping stop gaining privileges)';
    for (const service of services) {
      const options = securityOptions(service).filter((o) => o.name === 'no-new-privileges');
      const last = options[options.length - 1];
      if (last && /^(|true)$/i.test(last.value)) continue;
      if (last) {
        const text = writtenText(files, last.node);
        hits.push({ service, file: last.node.file, span: last.node.span, messageId: 'disabled', data: { option: text }, fixes: (note) => replaceScalarFix(files, last.node, 'no-new-privileges:true', `Set "no-new-privileges:true" (setuid binaries stop gaining privileges)${note}`, 'unsafe') });
        continue;
      }
      const list = setting(service, 'security_opt')?.value;
      if (list?.type === 'seq' && list.items.length > 0) {
        if (list.items.length > securityOptions(service).length) continue; // an interpolated entry may set it
        reportMissing(context, service, 'missing', () => appendItemFix(files, list, list.flow ? '"no-new-privileges:true"' : 'no-new-privileges:true', title, 'unsafe'));
      } else if (!list) {
        reportMissing(context, service, 'missing', () => addSettingFix(files, service, 'security_opt', '["no-new-privileges:true"]', title, 'unsafe'));
      }
    }
    reportPerPlace(context, hits);
  },
});
