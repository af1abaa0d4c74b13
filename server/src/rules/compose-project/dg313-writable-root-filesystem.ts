import { defineRule } from '../../engine/rule';
import { addSettingFix, replaceScalarFix } from '../../model/compose/fixes';
import { booleanOf, setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';

/** A writable root filesystem lets an intruder change the container's binaries and persist there. */
export default defineRule({
  meta: {
    id: 'DG313',
    name: 'writable-root-filesystem',
    description: 'A service\'s root filesystem is writable (`read_only` not true).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.13', 'v1.5.0': '5.12' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" has a writable root filesystem: an intruder can replace its binaries and libraries; "read_only: true" with volumes or tmpfs for the paths it writes prevents that (CIS 5.13).',
      disabled: '"read_only: false" leaves the root filesystem writable: an intruder can replace its binaries and libraries (CIS 5.13).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    const title = 'Set "read_only: true" (writes outside volumes and tmpfs mounts fail)';
    for (const service of services) {
      const readOnly = setting(service, 'read_only');
      if (!readOnly) {
        reportMissing(context, service, 'missing', () => addSettingFix(files, service, 'read_only', 'true', title, 'unsafe'));
      } else if (booleanOf(readOnly.value) === false) {
        hits.push({ service, file: readOnly.value.file, span: readOnly.span, messageId: 'disabled', fixes: (note) => replaceScalarFix(files, readOnly.value, 'true', `${title}${note}`, 'unsafe') });
      }
    }
    reportPerPlace(context, hits);
  },
});
