import { defineRule } from '../../engine/rule';
import type { RelatedInformation } from '../../engine/types';
import { daemonAnchorRelated, daemonRelated, daemonSetting } from '../../model/compose/daemon-link';
import type { ComposeModel, Service } from '../../model/compose/services';
import { literalOf, setting } from '../../model/compose/values';
import { reportMissing, reportPerPlace, type PlaceHit } from './report';

/**
 * Root in a container is root on the host's kernel: one escape away from the host. Under the
 * daemon's `userns-remap` (or a rootless daemon) it is an unprivileged host user instead, unless
 * the service opts out with `userns_mode: host`; the message says which, and the finding stays info.
 */
export default defineRule({
  meta: {
    id: 'DG321',
    name: 'runs-as-root',
    description: 'A service runs as root (`user` unset, `root`, `0` or `0:0`).',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '4.1', 'v1.5.0': '4.1' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      missing: 'Service "{{service}}" sets no "user": it runs as the image\'s user, root unless the image says otherwise; root in a container is one kernel bug away from root on the host (CIS 4.1).',
      root: '"user: {{user}}" runs the container as root: one kernel bug away from root on the host; run as an unprivileged user (CIS 4.1).',
      missingHostRoot: 'Service "{{service}}" sets no "user": it runs as the image\'s user, root unless the image says otherwise, and {{daemon}}, so that is root on the host, one kernel bug away from it (CIS 4.1).',
      rootHostRoot: '"user: {{user}}" runs the container as root, and {{daemon}}, so that is root on the host, one kernel bug away from it; run as an unprivileged user (CIS 4.1).',
      missingRemapped: 'Service "{{service}}" sets no "user": it runs as the image\'s user, root unless the image says otherwise; {{daemon}} maps that root to an unprivileged host user, so an escape lands without host privileges, but root still owns everything inside the container (CIS 4.1).',
      rootRemapped: '"user: {{user}}" runs the container as root; {{daemon}} maps it to an unprivileged host user, so an escape lands without host privileges, but root still owns everything inside the container (CIS 4.1).',
    },
  },
  check(context, model) {
    const hits: PlaceHit[] = [];
    for (const service of model.services) {
      const user = setting(service, 'user');
      const daemon = whatTheDaemonDoes(model, service);
      if (!user) {
        reportMissing(context, service, `missing${daemon?.suffix ?? ''}`, undefined, daemon && { daemon: daemon.text }, daemon?.related);
        continue;
      }
      const text = literalOf(user.value);
      const uid = text?.split(':')[0].trim();
      if (uid === 'root' || uid === '0') hits.push({ service, file: user.value.file, span: user.span, messageId: `root${daemon?.suffix ?? ''}`, data: { user: text!, ...(daemon && { daemon: daemon.text }) }, related: daemon?.related });
    }
    reportPerPlace(context, hits);
  },
});

interface DaemonClause {
  suffix: 'HostRoot' | 'Remapped';
  text: string;
  related: RelatedInformation[];
}

/** What the project's daemon makes of root in this service; undefined when no daemon (or not enough of it) is known. */
function whatTheDaemonDoes({ daemon }: ComposeModel, service: Service): DaemonClause | undefined {
  if (!daemon) return undefined;
  const rootlessSetting = daemonSetting(daemon, 'rootless').setting;
  const rootlessCommand = daemon.command?.rootless ? daemon.command : undefined;
  if (rootlessCommand) return { suffix: 'Remapped', text: 'the rootless daemon', related: [{ location: { file: rootlessCommand.file, span: rootlessCommand.executable }, message: 'the daemon runs rootless' }] };
  if (rootlessSetting?.value === true) return { suffix: 'Remapped', text: 'the rootless daemon', related: daemonRelated(rootlessSetting, 'the daemon runs rootless') };
  const { setting: remap, known } = daemonSetting(daemon, 'userns-remap');
  const remapped = typeof remap?.value === 'string' && remap.value !== '' ? remap : undefined;
  const userns = setting(service, 'userns_mode');
  if (remapped && literalOf(userns?.value) === 'host') {
    return { suffix: 'HostRoot', text: '"userns_mode: host" opts out of the daemon\'s "userns-remap"', related: daemonRelated(remapped, 'the daemon sets "userns-remap" here') };
  }
  if (remapped) return { suffix: 'Remapped', text: 'the daemon\'s "userns-remap"', related: daemonRelated(remapped, 'the daemon sets "userns-remap" here') };
  if (!known) return undefined;
  return { suffix: 'HostRoot', text: 'the daemon sets no "userns-remap"', related: daemonAnchorRelated(daemon, 'the daemon\'s configuration, which sets no "userns-remap"') };
}
