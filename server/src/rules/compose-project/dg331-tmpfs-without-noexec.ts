import { defineRule } from '../../engine/rule';
import { shown } from '../../formats/compose/interpolation';
import { removeModeOptionFix } from '../../model/compose/fixes';
import { tmpfsMounts } from '../../model/compose/mounts';
import { reportPerPlace, type PlaceHit } from './report';

/**
 * dockerd mounts a service's tmpfs `noexec,nosuid,nodev` unless its options say otherwise
 * (moby's oci_linux.go merges the options onto those), so only `exec` or `suid` written out lifts them.
 */
export default defineRule({
  meta: {
    id: 'DG331',
    name: 'tmpfs-without-noexec',
    description: 'A tmpfs mount allows executables or setuid binaries (`exec`, `suid` in its options).',
    severity: 'info',
    kinds: ['compose'],
    reads: 'compose-project',
    messages: { exec: 'The tmpfs at "{{target}}" is mounted with "{{option}}": an intruder can drop a binary there and run it (the usual next step after a read-only root); drop the option and dockerd mounts it noexec,nosuid.' },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const tmpfs of tmpfsMounts(service)) {
        const option = tmpfs.options.find((o) => o === 'exec' || o === 'suid');
        if (!option) continue;
        const fixes = (note: string) => removeModeOptionFix(files, tmpfs.node, option, `Remove "${option}" from the options (the mount becomes noexec,nosuid)${note}`, 'unsafe');
        hits.push({ service, file: tmpfs.node.file, span: tmpfs.node.span, messageId: 'exec', data: { target: shown(tmpfs.target), option }, fixes });
      }
    }
    reportPerPlace(context, hits);
  },
});
