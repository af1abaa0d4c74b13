/** The command line: dockguard's options parsed and checked, each mistake told in dockguard's words. */
import { parseArgs } from 'node:util';
import { CURRENT_DOCKER_VERSION, PROFILES, type Profile } from '../engine/options';
import type { FixSafety, Severity } from '../engine/types';
import { closeMatches } from '../schema/suggest';
import { UsageError } from './sources';

export const FORMATS = ['text', 'concise', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = Severity | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value is, as the help shows it after the option. */
  value?: string;
  help: string;
}

/** Every option, in the order the help lists them; the parser and the help both read this table. `kinds` are the registry's. */
const optionsFor = (kinds: readonly string[]): Record<string, OptionSpec> => ({
  'format': { type: 'string', value: FORMATS.join('|'), help: 'output format: text for people, concise (a line per finding) for tools, json, sarif, github (workflow annotations) or gitlab (Code Quality) (default: text)' },
  'profile': { type: 'string', value: PROFILES.join('|'), help: 'rule set: recommended = CIS L1 and non-CIS rules, strict adds L2 (default: recommended)' },
  'fail-on': { type: 'string', value: FAIL_ON.join('|'), help: 'exit 1 when a finding reaches this severity (default: error)' },
  'kind': { type: 'string', value: kinds.join('|'), help: 'lint a named file as this kind; in folders, lint only this kind' },
  'docker-version': { type: 'string', value: 'MAJOR.MINOR', help: `the dockerd release to judge against (default: ${CURRENT_DOCKER_VERSION})` },
  'config': { type: 'string', value: 'FILE', help: 'use this .dockguard.yaml instead of looking one up' },
  'fix': { type: 'boolean', help: 'apply safe fixes and write the files back, then report what remains' },
  'fix-unsafe': { type: 'boolean', help: 'also apply unsafe fixes (they change what the daemon may do)' },
  'baseline': { type: 'string', value: 'FILE', help: 'report only the findings not in this baseline (matched by fingerprint, not line)' },
  'write-baseline': { type: 'string', value: 'FILE', help: "record this run's findings as the baseline" },
  'diff': { type: 'boolean', help: 'with --fix or --fix-unsafe: print the unified diff of what it would write, and write nothing' },
  'report-suppressed': { type: 'boolean', help: "also report what pragmas and the config's overrides suppressed, with the reason (json, sarif)" },
  'no-error-on-unmatched-pattern': { type: 'boolean', help: 'a PATH holding no file dockguard lints is not an error' },
  'version': { type: 'boolean', help: 'print the version of dockguard' },
  'help': { type: 'boolean', short: 'h', help: 'show this help' },
});

const HELP_COLUMN = 38;

/** The help text for a registry's kinds. */
export const usage = (kinds: readonly string[]) => `Usage: dockguard lint [options] PATH...
       dockguard host [--root DIR] [options]   (see dockguard host --help)
       dockguard --version

Lints Docker host hardening configuration: daemon.json, dockerd's systemd units, Compose files and audit rules.
PATH is a file or a folder (walked recursively, skipping node_modules and .git).

Options:
${Object.entries(optionsFor(kinds)).map(([name, spec]) => helpLine(name, spec)).join('\n')}

Exit status: 0 no finding at the --fail-on level, 1 at least one, 2 usage or internal error.
`;

function helpLine(name: string, spec: OptionSpec): string {
  const left = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return left.length < HELP_COLUMN ? left.padEnd(HELP_COLUMN) + spec.help : `${left}\n${' '.repeat(HELP_COLUMN)}${spec.help}`;
}

/** What the command line asks for, every value checked. */
export interface CommandLine {
  help: boolean;
  version: boolean;
  command?: string;
  paths: string[];
  format: Format;
  profile?: Profile;
  failOn: FailOn;
  kind?: string;
  dockerVersion?: string;
  config?: string;
  /** Fix safeties to apply (`--fix`: safe; `--fix-unsafe`: safe and unsafe); none without either. */
  fix?: FixSafety[];
  errorOnUnmatchedPattern: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** Print the fix as a diff instead of writing it. */
  diff: boolean;
  /** Include suppressed findings (JSON and SARIF), marked with the suppression and its reason. */
  reportSuppressed: boolean;
}

export function parseCommandLine(argv: string[], kinds: readonly string[]): CommandLine {
  const options = optionsFor(kinds);
  // Not strict: Node's own errors name no fix and quote unevenly; each token is checked below instead.
  const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) throw new UsageError(unknownOption(token.rawName, Object.keys(options)));
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got '${token.value}')`);
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(`${token.rawName} needs a value: ${spec.value}`);
    }
  }
  const string = (name: string) => values[name] as string | undefined;
  const [command, ...paths] = positionals;
  const dockerVersion = string('docker-version');
  if (dockerVersion !== undefined && !/^\d+\.\d+$/.test(dockerVersion)) throw new UsageError(`--docker-version must be MAJOR.MINOR (got '${dockerVersion}')`);
  return {
    help: values.help === true,
    version: values.version === true,
    command,
    paths,
    format: oneOf('format', string('format'), FORMATS) ?? 'text',
    profile: oneOf('profile', string('profile'), PROFILES),
    failOn: oneOf('fail-on', string('fail-on'), FAIL_ON) ?? 'error',
    kind: oneOf('kind', string('kind'), kinds),
    dockerVersion,
    config: string('config'),
    fix: values['fix-unsafe'] ? ['safe', 'unsafe'] : values.fix ? ['safe'] : undefined,
    errorOnUnmatchedPattern: values['no-error-on-unmatched-pattern'] !== true,
    reportSuppressed: values['report-suppressed'] === true,
    diff: values.diff === true,
    baseline: string('baseline'),
    writeBaseline: string('write-baseline'),
  };
}

function unknownOption(written: string, known: string[]): string {
  const name = written.replace(/^-+/, '');
  const [match, ...others] = written.startsWith('--') ? closeMatches(name, known, false) : [];
  return `unknown option ${written}${match && others.length === 0 ? `; did you mean --${match}?` : ''}`;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}
