import { defineRule } from '../../engine/rule';
import { LIFECYCLE_SOURCE, TAKEN } from '../../model/engine-lifecycle';
import { installedEngines, maintainedLines, standing } from '../../model/installed-engine';

/** An engine that no longer gets fixes keeps every vulnerability found after its last release. */
export default defineRule({
  meta: {
    id: 'DG511',
    name: 'docker-outdated',
    description: 'The installed Docker engine is on a release line that no longer gets fixes, or older than its line\'s newest release.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '1.2.2' },
    kinds: ['host-facts'],
    reads: 'host',
    messages: {
      unmaintained: '{{package}} {{version}} is Docker Engine {{upstream}}, of the {{branch}} line, which stopped getting fixes on {{date}} ({{source}}; its last release was {{last}}){{distro}}; upgrade to a maintained line: {{maintained}} (CIS 1.2.2).',
      expectedEnd: '{{package}} {{version}} is Docker Engine {{upstream}}, of the {{branch}} line, which stopped getting fixes on {{date}}, its expected end of maintenance in {{source}}{{distro}}; upgrade to a maintained line: {{maintained}} (CIS 1.2.2).',
      older: '{{package}} {{version}} is Docker Engine {{upstream}}, of a line older than 20.10, which stopped getting fixes before {{date}} (when {{source}} began, it listed none of them){{distro}}; upgrade to a maintained line: {{maintained}} (CIS 1.2.2).',
      behind: '{{package}} {{version}} is Docker Engine {{upstream}}, of the maintained {{branch}} line, but its newest release is {{last}}, and fixes go only to the newest; upgrade the package (CIS 1.2.2).',
      unknown: "{{package}} {{version}} is Docker Engine {{upstream}}, a release line dockguard's lifecycle table (taken {{taken}}) does not know, so whether it still gets fixes is not judged; a newer dockguard knows.",
    },
  },
  check(context, host) {
    const today = host.examined;
    for (const engine of installedEngines(host)) {
      const at = { file: host.packages!.file.path, span: engine.package.version.span };
      const data = {
        package: engine.package.name,
        version: engine.package.version.text,
        upstream: /^\d+(\.\d+)*/.exec(engine.version.upstream)![0],
        source: LIFECYCLE_SOURCE,
        maintained: maintainedLines(today),
        // Debian and Ubuntu patch their docker.io themselves; upstream's lines are what the table knows.
        distro: engine.package.name === 'docker.io' ? ', though the distribution may backport some to its docker.io' : '',
      };
      const judged = standing(engine.version.upstream, today);
      if (judged.kind === 'current') continue;
      if (judged.kind === 'unknown') {
        context.report({ messageId: 'unknown', data: { ...data, taken: TAKEN }, at, severity: 'info' });
        continue;
      }
      const { line } = judged;
      const last = line.last ? `${line.last.version} (${line.last.date})` : '';
      if (judged.kind === 'behind') context.report({ messageId: 'behind', data: { ...data, branch: line.branch, last }, at });
      else if (!line.covers) context.report({ messageId: 'older', data: { ...data, date: judged.stopped.date }, at });
      else context.report({ messageId: judged.stopped.expected ? 'expectedEnd' : 'unmaintained', data: { ...data, branch: line.branch, date: judged.stopped.date, last }, at });
    }
  },
});
