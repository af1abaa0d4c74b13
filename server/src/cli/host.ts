/**
 * `dockguard host [--root DIR]`: lint a host's files where the system loads them, with their
 * owners, modes, accounts and mounts (the DG5xx rules), read-only. DIR stands for `/` (a mounted
 * image, a chroot, a test fixture); without it, the running host is read.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { PROFILES, ruleEnabled, SEVERITY_ORDER_OR_NEVER, type LintOptions, type Profile } from '../engine/options';
import { knownRuleIds, type Registry } from '../engine/registry';
import { SEVERITY_ORDER, type Finding, type Severity } from '../engine/types';
import { applies } from '../host/applicability';
import { scanHost, type HostScan } from '../host/collect';
import { effectiveOptions, readConfigFile } from './config';
import { displayPath, placeFindings, type PlacedFinding } from './formatters/common';
import { formatConcise } from './formatters/concise';
import { formatHtml } from './formatters/html';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import type { RunFacts } from './formatters/summary';
import { formatText, type TextStyle } from './formatters/text';
import { UsageError } from './sources';

export const HOST_USAGE = `Usage: dockguard host [options]

Lints a Docker host read-only: daemon.json, docker.service and docker.socket with their drop-ins
where systemd loads them, the env files, and the owners, modes, mounts and docker group that CIS
sections 1 and 3 ask about. Nothing is executed or written.

Options:
  --root DIR                          treat DIR as / (a mounted image or chroot); default: this host
  --format text|concise|json|sarif|html
                                      output format (default: text); html is one self-contained page for a person
  --profile recommended|strict|all    rule set (default: recommended)
  --fail-on error|warning|info|never  exit 1 when a finding reaches this severity (default: error)
  --docker-version MAJOR.MINOR        the dockerd release to judge against (default: 29.7)
  --config FILE                       a .dockguard.yaml whose profile, dockerVersion and rules apply (none is looked up)
  --script                            print one shell script with every remediation, for a person to review and run
  -h, --help                          show this help
`;

const FORMATS = ['text', 'concise', 'json', 'sarif', 'html'] as const;
type FailOn = Severity | 'never';

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

const OPTIONS = {
  'root': { type: 'string' },
  'format': { type: 'string' },
  'profile': { type: 'string' },
  'fail-on': { type: 'string' },
  'docker-version': { type: 'string' },
  'config': { type: 'string' },
  'script': { type: 'boolean' },
  'help': { type: 'boolean', short: 'h' },
} as const;

/** Node's parser, its errors told as dockguard's usage errors (exit 2, one line). */
function parseHostArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option} for host`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value`);
    throw new UsageError(message.split('\n')[0]);
  }
}

/**
 * Runs `host` with the arguments after the command; usage errors are thrown to `run`'s handler.
 * SOURCE_DATE_EPOCH, when set, is the day the engine's release line is judged on (a report reproduced).
 */
export function runHost(argv: string[], out: (s: string) => void, cwd: string, registry: Registry, style: TextStyle, env: NodeJS.ProcessEnv = {}): number {
  const { values, positionals } = parseHostArgs(argv);
  if (values.help) {
    out(HOST_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`host takes no PATH (got '${positionals[0]}'); name the root with --root DIR`);
  const format = oneOf('format', values.format, FORMATS) ?? 'text';
  const profile = oneOf<Profile>('profile', values.profile, PROFILES);
  const failOn: FailOn = oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never']) ?? 'error';
  const dockerVersion = values['docker-version'];
  if (dockerVersion !== undefined && !/^\d+\.\d+$/.test(dockerVersion)) throw new UsageError(`--docker-version must be MAJOR.MINOR (got '${dockerVersion}')`);
  const root = resolve(cwd, values.root ?? '/');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // told below
  }
  if (!isDirectory) throw new UsageError(`--root ${values.root}: no such folder`);

  // A host's files are not a workspace: no .dockguard.yaml is looked up beside them, one can be named.
  const config = values.config === undefined ? undefined : readConfigFile(resolve(cwd, values.config), knownRuleIds(registry), cwd);
  const options = effectiveOptions(config, { ...(profile ? { profile } : {}), ...(dockerVersion ? { dockerVersion } : {}) });
  const scan = scanHost(root, registry, examinedDay(env.SOURCE_DATE_EPOCH));
  const findings = new Map<string, Finding[]>(scan.sources.map((s) => [s.path, scan.project.findings(s.path, options).findings]));
  const placed = placeFindings({ sources: scan.sources, findings, offerable: new Map() }, cwd).map((p) => ({ ...p, file: shownPath(p.finding.file, cwd) }));
  if (values.script) out(script(placed, registry, root));
  else if (format === 'html') out(htmlReport(scan, placed, registry, options, values.root ?? '/'));
  else if (format === 'json') out(formatJson(placed, scan.fileCount));
  else if (format === 'sarif') out(formatSarif(placed, scan.sources, registry, cwd));
  else {
    const facts: RunFacts = { files: scan.fileCount, fixed: [], dockerVersions: new Map([[options.dockerVersion, scan.fileCount]]) };
    out(notes(scan, cwd) + (format === 'concise' ? formatConcise(placed, facts) : formatText(placed, facts, style)) + remediation(placed));
  }
  const threshold = SEVERITY_ORDER_OR_NEVER[failOn];
  return placed.some((p) => SEVERITY_ORDER[p.finding.severity] >= threshold) ? 1 : 0;
}

function examinedDay(epoch: string | undefined): string | undefined {
  if (epoch === undefined) return undefined;
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be seconds since 1970 (got '${epoch}')`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

function htmlReport(scan: HostScan, placed: PlacedFinding[], registry: Registry, options: LintOptions, root: string): string {
  const host = scan.project.machine(scan.root).model('host')[0]?.model;
  const rules = registry.rules.filter((rule) => ruleEnabled(rule.meta, options)).map((rule) => ({ meta: rule.meta, applicable: applies(rule.meta, host) }));
  return formatHtml({ root, fileCount: scan.fileCount, rules, placed, version });
}

/** A path below the working folder relative to it (as `lint` shows it), else absolute: never `../../etc`. */
function shownPath(path: string, cwd: string): string {
  const relative = displayPath(path, cwd);
  return relative.startsWith('../') ? path : relative;
}

/** The display-only fixes, one a line, for a person to review and run (host mode never does). */
function remediation(placed: PlacedFinding[]): string {
  const lines = placed.flatMap((p) => p.finding.fixes.filter((f) => f.safety === 'display-only').map((f) => `  ${p.finding.ruleId} ${p.file}: ${f.title.replace(/^Run: /, '')}
`));
  return lines.length > 0 ? `remediation (review, then run as root; dockguard changes nothing):
${lines.join('')}` : '';
}

/**
 * Every remediation as one shell script, each under a comment naming its rule, CIS item and
 * finding; a fix that is a change to make rather than a command (a socket's mode is set by its
 * unit) stays a comment. Printed, never run.
 */
function script(placed: PlacedFinding[], registry: Registry, root: string): string {
  const blocks = placed.flatMap((p) => {
    const fixes = p.finding.fixes.filter((f) => f.safety === 'display-only');
    if (fixes.length === 0) return [];
    const meta = registry.rulesById.get(p.finding.ruleId)?.meta;
    const cis = meta?.cis ? ` (CIS ${meta.cis['v1.6.0']})` : '';
    const lines = fixes.map((f) => (f.title.startsWith('Run: ') ? f.title.slice('Run: '.length) : `# to do by hand: ${f.title}`));
    return [`# ${p.finding.ruleId} ${p.finding.ruleName}${cis}: ${p.file}:${p.line}\n${lines.join('\n')}\n`];
  });
  const header = `#!/bin/sh\n# dockguard host remediation for ${root}: review every line before running it as root.\nset -eu\n`;
  return [header, ...blocks].join('\n');
}

/** What is left out, said once above the findings: masked units, shadowed files, an RPM host's engine version. */
function notes(scan: HostScan, cwd: string): string {
  const shown = (path: string) => shownPath(scan.root + path.slice(1), cwd);
  const lines = [
    ...(scan.daemon ? [] : [`note: no Docker configuration below ${scan.root} (no daemon.json, docker.service or docker.socket where dockerd and systemd look)`]),
    ...scan.discovery.masked.map((path) => `note: ${shown(path)} is masked (a link to /dev/null): systemd starts none of it, drop-ins included`),
    ...scan.discovery.shadowed.map(({ path, by }) => `note: ${shown(path)} is not read: ${shown(by)} comes first on systemd's path`),
    ...(scan.facts.rpmDatabase ? [`note: the engine's version is not checked (DG511): this host keeps its packages in RPM's database (${scan.facts.rpmDatabase}), and dockguard reads only dpkg's`] : []),
  ];
  return lines.map((line) => `${line}\n`).join('');
}
