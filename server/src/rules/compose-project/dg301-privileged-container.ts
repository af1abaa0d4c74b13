import { defineRule } from '../../engine/rule';
import { member } from '../../formats/compose/yaml-tree';
import { removeItemFix, removePairFix } from '../../model/compose/fixes';
import { booleanOf, itemsOf, literalOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** A privileged container (or build) has every capability and the host's devices: root on the host. */
export default defineRule({
  meta: {
    id: 'DG301',
    name: 'privileged-container',
    description: 'A service runs privileged, or builds with privileges (`build.privileged`, the `security.insecure` entitlement).',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '5.5', 'v1.5.0': '5.4' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      privileged: '"privileged: true" gives the container every capability, every host device and no seccomp or AppArmor confinement: root in it is root on the host (CIS 5.5).',
      build: '"build.privileged: true" runs the image build with every capability and the host\'s devices: a Dockerfile step is then root on the build host.',
      entitlement: 'The "security.insecure" build entitlement lets `RUN --security=insecure` steps run privileged on the build host.',
    },
    fix: 'unsafe',
  },
  check(context, { files, services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      const privileged = setting(service, 'privileged');
      if (privileged && booleanOf(privileged.value) === true) {
        hits.push({ service, file: privileged.value.file, span: privileged.span, messageId: 'privileged', fixes: (note) => removePairFix(files, privileged, `Remove "privileged: true" (the container loses the host's devices and extra capabilities)${note}`, 'unsafe') });
      }
      const build = setting(service, 'build')?.value;
      const buildPrivileged = member(build, 'privileged');
      if (buildPrivileged && booleanOf(buildPrivileged.value) === true) {
        hits.push({ service, file: buildPrivileged.value.file, span: buildPrivileged.span, messageId: 'build', fixes: (note) => removePairFix(files, buildPrivileged, `Remove "privileged: true" from the build (steps that need privileges fail)${note}`, 'unsafe') });
      }
      for (const item of itemsOf(member(build, 'entitlements')?.value)) {
        if (literalOf(item) !== 'security.insecure') continue;
        hits.push({ service, file: item.file, span: item.span, messageId: 'entitlement', fixes: (note) => removeItemFix(files, item, `Remove the "security.insecure" entitlement (insecure RUN steps fail)${note}`, 'unsafe') });
      }
    }
    reportPerPlace(context, hits);
  },
});
