import { defineRule } from '../../engine/rule';
import { removeItemFix, writtenText } from '../../model/compose/fixes';
import { reportPerPlace, type PlaceHit } from './report';
import { securityOptions } from './security-options';

/** The confinement each option turns off, with its CIS item. */
const DISABLING: Record<string, { value: string; what: string; cis: string }> = {
  seccomp: { value: 'unconfined', what: 'the seccomp filter that blocks dangerous system calls', cis: '5.22' },
  apparmor: { value: 'unconfined', what: 'its AppArmor profile', cis: '5.2' },
  label: { value: 'disable', what: 'SELinux labelling', cis: '5.3' },
  systempaths: { value: 'unconfined', what: 'the masking of the /proc and /sys paths that leak or change the host', cis: '5.22' },
};

/** A `security_opt` entry that switches a layer of confinement off. */
export default defineRule({
  meta: {
    id: 'DG311',
    name: 'confinement-disabled',
    description: 'A service turns off seccomp, AppArmor, SELinux labelling or /proc masking in `security_opt`.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.2', 'v1.5.0': '5.1' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { disabled: 'With "{{option}}" the container runs without {{what}} (CIS {{cis}}).' },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const option of securityOptions(service)) {
        const disabling = DISABLING[option.name];
        if (!disabling || option.value.toLowerCase() !== disabling.value) continue;
        const text = writtenText(files, option.node);
        hits.push({ service, file: option.node.file, span: option.node.span, messageId: 'disabled', data: { option: text, what: disabling.what, cis: disabling.cis }, fixes: (note) => removeItemFix(files, option.node, `Remove "${text}" (the default confinement applies again)${note}`, 'unsafe') });
      }
    }
    reportPerPlace(context, hits);
  },
});
