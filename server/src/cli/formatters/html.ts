/**
 * Host mode's report for a person (an auditor): one self-contained page — inline style, no script,
 * no external asset — with a summary per CIS section (pass, fail, not applicable, with counts) and
 * every finding with its file, line, message and remediation, most severe first.
 */
import { docsUrl, type RuleMeta } from '../../engine/rule';
import { SEVERITY_ORDER } from '../../engine/types';
import type { PlacedFinding } from './common';

export type CisStatus = 'pass' | 'fail' | 'not applicable';

export interface HtmlReport {
  /** What was examined: `/`, or the --root folder. */
  root: string;
  fileCount: number;
  /** The rules that ran, with whether each applied to this host (see host/applicability.ts). */
  rules: { meta: RuleMeta; applicable: boolean }[];
  placed: PlacedFinding[];
  version: string;
}

const SECTIONS: Record<string, string> = {
  '1': 'Host configuration',
  '2': 'Docker daemon configuration',
  '3': 'Docker daemon configuration files',
  '4': 'Container images and build files',
  '5': 'Container runtime',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `1.1.2` before `2.2` before `2.16`, as the benchmark numbers its items. */
function compareCis(a: string, b: string): number {
  const [x, y] = [a, b].map((id) => id.split(/[.–/]/).map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export function statusOf(rule: { meta: RuleMeta; applicable: boolean }, placed: readonly PlacedFinding[]): CisStatus {
  if (placed.some((p) => p.finding.ruleId === rule.meta.id)) return 'fail';
  return rule.applicable ? 'pass' : 'not applicable';
}

export function formatHtml(report: HtmlReport): string {
  const cisRules = report.rules.filter((r) => r.meta.cis).sort((a, b) => compareCis(a.meta.cis!['v1.6.0'], b.meta.cis!['v1.6.0']));
  const sections = [...new Set(cisRules.map((r) => r.meta.cis!['v1.6.0'].split('.')[0]))].sort((a, b) => Number(a) - Number(b));
  const summaryRows = sections.map((section) => {
    const rules = cisRules.filter((r) => r.meta.cis!['v1.6.0'].split('.')[0] === section);
    const count = (status: CisStatus) => rules.filter((r) => statusOf(r, report.placed) === status).length;
    return `<tr data-section="${section}"><th>${section} ${escape(SECTIONS[section] ?? '')}</th><td class="pass" data-status="pass">${count('pass')}</td><td class="fail" data-status="fail">${count('fail')}</td><td class="na" data-status="not applicable">${count('not applicable')}</td></tr>`;
  });
  const checks = cisRules.map((rule) => {
    const status = statusOf(rule, report.placed);
    return `<tr data-rule="${rule.meta.id}"><td>${escape(rule.meta.cis!['v1.6.0'])}</td><td><a href="${docsUrl(rule.meta.id)}">${rule.meta.id}</a> ${escape(rule.meta.name)}</td><td class="${status === 'not applicable' ? 'na' : status}">${status}</td></tr>`;
  });
  const sorted = [...report.placed].sort((a, b) => SEVERITY_ORDER[b.finding.severity] - SEVERITY_ORDER[a.finding.severity]);
  const findings = sorted.map((p) => {
    const remediation = p.finding.fixes.filter((f) => f.safety === 'display-only').map((f) => `<pre>${escape(f.title.replace(/^Run: /, ''))}</pre>`).join('');
    return `<li class="finding ${p.finding.severity}" data-rule="${p.finding.ruleId}"><p><span class="sev">${p.finding.severity}</span> <a href="${docsUrl(p.finding.ruleId)}">${p.finding.ruleId}</a> ${escape(p.finding.ruleName)} · <code>${escape(p.file)}:${p.line}</code></p><p>${escape(p.finding.message)}</p>${remediation}</li>`;
  });
  const count = (severity: string) => report.placed.filter((p) => p.finding.severity === severity).length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dockguard host report: ${escape(report.root)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1b1f24; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #d0d7de; }
td.pass { color: #1a7f37; } td.fail { color: #cf222e; font-weight: 600; } td.na { color: #6e7781; }
ul { list-style: none; padding: 0; } li.finding { border-left: 4px solid #6e7781; padding: .4em .8em; margin: .8em 0; background: #f6f8fa; }
li.error { border-color: #cf222e; } li.warning { border-color: #bf8700; } li.info { border-color: #0969da; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .8em; } pre { background: #fff; padding: .4em; overflow-x: auto; }
</style>
</head>
<body>
<h1>dockguard host report</h1>
<p>Host <code>${escape(report.root)}</code> · ${report.fileCount} files examined · <span id="counts" data-error="${count('error')}" data-warning="${count('warning')}" data-info="${count('info')}">${count('error')} errors, ${count('warning')} warnings, ${count('info')} info</span> · dockguard ${escape(report.version)}</p>
<h2>CIS Docker Benchmark v1.6.0, per section</h2>
<table id="summary"><thead><tr><th>section</th><th>pass</th><th>fail</th><th>not applicable</th></tr></thead><tbody>
${summaryRows.join('\n')}
</tbody></table>
<h2>Checks</h2>
<table id="checks"><thead><tr><th>CIS</th><th>rule</th><th>status</th></tr></thead><tbody>
${checks.join('\n')}
</tbody></table>
<h2>Findings, most severe first</h2>
<ul id="findings">
${findings.join('\n') || '<li>No findings.</li>'}
</ul>
<p>Remediation commands are shown for a person to review and run; dockguard changed nothing.</p>
</body>
</html>
`;
}
