import { defineRule } from '../../engine/rule';
import { shown } from '../../formats/compose/interpolation';
import { removeModeOptionFix } from '../../model/compose/fixes';
import { tmpfsMounts } from '../../model/compose/mounts';
import { reportPerPlace, type PlaceHit } from './report';

/**
 * dockerd mounts every tmpfs — a service's `tmpfs` entries and `type: tmpfs` volumes alike
 * (container_unix.go's TmpfsMounts) — `noexec,nosuid,nodev` with the written options appended
 * (daemon/oci_linux.go), and MergeTmpfsOptions keeps the last of each pair: only an `exec` or
 * `suid` that no later `noexec`/`nosuid` cancels lifts them. A long-syntax tmpfs volume can only
 * set `size` and `mode` in Compose, so it is always noexec,nosuid.
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
        const option = liftedDefault(tmpfs.options);
        if (!option) continue;
        const fixes = (note: string) => removeModeOptionFix(files, tmpfs.node, option, `Remove "${option}" from the options (the mount becomes noexec,nosuid)${note}`, 'unsafe');
        hits.push({ service, file: tmpfs.node.file, span: tmpfs.node.span, messageId: 'exec', data: { target: shown(tmpfs.target), option }, fixes });
      }
    }
    reportPerPlace(context, hits);
  },
});

/** `exec` or `suid` when the options leave it on, the last of `exec`/`noexec` (and of `suid`/`nosuid`) winning. */
function liftedDefault(options: readonly string[]): 'exec' | 'suid' | undefined {
  for (const [on, off] of [['exec', 'noexec'], ['suid', 'nosuid']] as const) {
    if (options.filter((o) => o === on || o === off).pop() === on) return on;
  }
  return undefined;
}
