import { defineRule } from '../../engine/rule';
import { addSettingFix, appendItemFix, replaceScalarFix, writtenText } from '../../model/compose/fixes';
import { daemonAnchorRelated, daemonRelated, daemonSetting } from '../../model/compose/daemon-link';
import { parseGoBool, setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';
import { securityOptions } from './security-options';

/**
 * Without no-new-privileges a setuid binary in the image can raise a process's privileges. The
 * daemon's own `no-new-privileges` covers every service that does not turn it off.
 */
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
      missingOnDaemon: 'Service "{{service}}" does not set "no-new-privileges:true", and the daemon it runs on does not turn "no-new-privileges" on either: a setuid or file-capability binary in the image can give its processes more privileges than the container started with (CIS 5.26).',
      disabled: '"{{option}}" lets setuid and file-capability binaries raise a process\'s privileges (CIS 5.26).',
      disabledOverDaemon: '"{{option}}" turns off the daemon\'s "no-new-privileges" for this service: setuid and file-capability binaries can raise a process\'s privileges again (CIS 5.26).',
    },
    fix: 'unsafe',
  },
  check(context, { files, services, daemon }) {
    const hits: PlaceHit[] = [];
    const title = 'Add "no-new-privileges:true" (setuid binaries such as sudo or ping stop gaining privileges)';
    // dockerd starts every container with the daemon's no-new-privileges; a service's own entry overrides it.
    const { setting: daemonOption, known } = daemonSetting(daemon, 'no-new-privileges');
    const daemonSets = daemonOption?.value === true ? daemonOption : undefined;
    for (const service of services) {
      const options = securityOptions(service).filter((o) => o.name === 'no-new-privileges');
      const last = options[options.length - 1];
      // A bare `no-new-privileges` is true; otherwise dockerd reads the value with Go's ParseBool and
      // refuses to create the container when that fails (no hardening question: nothing runs).
      if (last && (last.value === '' || parseGoBool(last.value) !== false)) continue;
      if (last) {
        const text = writtenText(files, last.node);
        const related = daemonSets ? daemonRelated(daemonSets, 'the daemon sets "no-new-privileges" here') : undefined;
        hits.push({ service, file: last.node.file, span: last.node.span, messageId: daemonSets ? 'disabledOverDaemon' : 'disabled', data: { option: text }, related, fixes: (note) => replaceScalarFix(files, last.node, 'no-new-privileges:true', `Set "no-new-privileges:true" (setuid binaries stop gaining privileges)${note}`, 'unsafe') });
        continue;
      }
      if (daemonSets) continue;
      const missing = daemon && known ? 'missingOnDaemon' : 'missing';
      const related = !daemon || !known ? undefined : daemonOption ? daemonRelated(daemonOption, 'the daemon sets "no-new-privileges" to false here') : daemonAnchorRelated(daemon, 'the daemon\'s configuration, which does not set "no-new-privileges"');
      const list = setting(service, 'security_opt')?.value;
      if (list?.type === 'seq' && list.items.length > 0) {
        if (list.items.length > securityOptions(service).length) continue; // an interpolated entry may set it
        reportMissing(context, service, missing, () => appendItemFix(files, list, list.flow ? '"no-new-privileges:true"' : 'no-new-privileges:true', title, 'unsafe'), undefined, related);
      } else if (!list) {
        reportMissing(context, service, missing, () => addSettingFix(files, service, 'security_opt', '["no-new-privileges:true"]', title, 'unsafe'), undefined, related);
      }
    }
    reportPerPlace(context, hits);
  },
});
