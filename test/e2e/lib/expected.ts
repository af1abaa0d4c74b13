/**
 * What the editors should show, worked out independently of them: the CLI's findings for a file
 * (the bundled CLI, run on the whole workspace folder as the server scans it) and the engine's text
 * after one fix. The e2e scenarios compare what a person sees against these.
 */
import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { lintSources } from '../../../server/src/engine/api';
import { applyEdits } from '../../../server/src/engine/edits';
import { loadSource } from '../../../server/src/engine/files';
import { offerableFixes } from '../../../server/src/engine/fixes';
import { DEFAULT_OPTIONS } from '../../../server/src/engine/options';
import { ConfigResolver } from '../../../server/src/cli/config';
import { findFiles } from '../../../server/src/cli/sources';
import { knownRuleIds } from '../../../server/src/engine/registry';
import { REGISTRY } from '../../../server/src/registry';

const CLI = resolve(import.meta.dirname, '../../../dist/cli.js');

/** One finding of `dockguard lint --format json` (version 1). */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  name: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fixable: boolean;
}

/** The CLI's findings for `file` (relative to `workspace`; every file when omitted) when it lints the whole workspace. */
export function cliFindings(workspace: string, file?: string): CliFinding[] {
  const output = execFileSync(process.execPath, [CLI, 'lint', '--format', 'json', '--fail-on', 'never', '.'], { cwd: workspace, encoding: 'utf8' });
  const report = JSON.parse(output) as { version: number; findings: CliFinding[] };
  if (report.version !== 1) throw new Error(`unexpected CLI JSON version ${report.version}`);
  return file === undefined ? report.findings : report.findings.filter((finding) => finding.file === file);
}

/** The CLI's safe fix-all (`--fix`) applied to the workspace; returns nothing, it writes the files. */
export function cliFixAll(workspace: string): void {
  execFileSync(process.execPath, [CLI, 'lint', '--fix', '--fail-on', 'never', '.'], { cwd: workspace, encoding: 'utf8' });
}

export interface ExpectedFix {
  title: string;
  /** The file's whole text after the fix. */
  text: string;
}

/**
 * The first fix the engine offers for the first `ruleId` finding in `file` (the first whose title
 * matches `title` when given), and the text it gives.
 */
export function expectedFix(workspace: string, file: string, ruleId: string, title?: RegExp): ExpectedFix {
  const sources = findFiles([workspace], REGISTRY, new ConfigResolver(workspace, knownRuleIds(REGISTRY))).map((found) => loadSource(found.path, found.kind).source);
  const path = join(workspace, file);
  const { project, findings } = lintSources(sources, DEFAULT_OPTIONS, REGISTRY);
  const finding = findings.get(path)?.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no ${ruleId} finding in ${relative(process.cwd(), path)}`);
  const fix = offerableFixes(project, finding, DEFAULT_OPTIONS).find((f) => f.safety !== 'display-only' && (!title || title.test(f.title)));
  if (!fix) throw new Error(`the ${ruleId} finding in ${file} offers no fix${title ? ` titled ${title}` : ''}`);
  const source = sources.find((s) => s.path === path)!;
  return { title: fix.title, text: applyEdits(source.text, fix.edits) };
}
