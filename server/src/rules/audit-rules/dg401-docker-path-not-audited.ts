import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { insertLines } from '../../formats/audit/edits';
import { movedControl } from '../../model/audit-rules';
import { covers, unwatchedDockerPaths, type DockerPath } from '../../model/docker-watches';
import type { AuditSettings } from '../../engine/config-file';

const watchLine = (target: DockerPath) => `-w ${target.path} -p wa -k docker`;
const CAVEAT = 'auditctl stops loading at a watch whose folder does not exist on the host, unless -c is in effect';

/**
 * CIS 1.1.3–1.1.18: Docker's binaries, state, configuration and units should be watched, so changes
 * to them leave a trail. Judged once per rule set (a host's rules.d as augenrules merges it, or a
 * file loaded as it stands), against the paths that apply to the host (see docker-watches.ts);
 * reported at the first line of the set's first file. `audit.ignorePaths` in `.dockguard.yaml`
 * names, with a reason, the paths a host does not have.
 */
export default defineRule({
  meta: {
    id: 'DG401',
    name: 'docker-path-not-audited',
    description: 'A Docker file or directory has no audit watch (CIS 1.1.3–1.1.18).',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '1.1.3–1.1.18', 'v1.5.0': '1.1.3–1.1.18' },
    kinds: ['audit'],
    reads: 'audit-rules',
    messages: {
      one: 'No audit watch on {{paths}}: changes to it leave no trail. Add `-w PATH -p wa -k docker`.',
      many: '{{count}} Docker paths have no audit watch: {{paths}}. Changes to them leave no trail; add `-w PATH -p wa -k docker` for each.',
    },
    fix: 'unsafe',
  },
  check(context, set) {
    const ignored = (context.options.settings.audit as AuditSettings | undefined)?.ignorePaths ?? [];
    const missing = unwatchedDockerPaths(set, set.evidence).filter((target) => !ignored.some((i) => covers(i.path, target.path)));
    if (missing.length === 0) return;
    const file = set.anchor;
    // A file loaded as it stands refuses rules after `-e 2`: the watches go above it. In a rules.d,
    // augenrules moves `-e` last anyway, and the end of the file comes after any `-W` in it.
    const lock = set.mode === 'standalone' ? file.rules.find((r) => movedControl(r) === 'e' && r.controls[0]?.value?.text === '2') : undefined;
    const firstLine = file.text.search(/\r?\n|$/);
    const paths = missing.map((m) => `${m.path} (CIS ${m.cis})`).join(', ');
    const fixes = (): FixProposal[] => {
      const each = missing.map((target) => ({ title: `Add ${watchLine(target)} (${CAVEAT})`, safety: 'unsafe' as const, edits: [insertLines(file, [watchLine(target)], lock)] }));
      if (missing.length === 1) return each;
      // A watch on /run/containerd or /etc/docker also covers the socket and daemon.json below it.
      const needed = missing.filter((m) => !missing.some((other) => other !== m && covers(other.path, m.path)));
      return [...each, { title: `Add the ${needed.length} watches that cover all ${missing.length} paths (${CAVEAT})`, safety: 'unsafe', edits: [insertLines(file, needed.map(watchLine), lock)] }];
    };
    context.report({ messageId: missing.length === 1 ? 'one' : 'many', data: { count: missing.length, paths }, at: { file: file.path, span: { start: 0, end: firstLine } }, fixes });
  },
});
