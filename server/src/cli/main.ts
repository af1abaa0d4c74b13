/**
 * `dockguard lint [options] PATH...`: the same engine as the language server, for CI.
 * Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for usage or internal errors.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILES, SEVERITY_ORDER_OR_NEVER, type LintOptions, type Profile } from '../engine/options';
import { knownRuleIds, type Registry } from '../engine/registry';
import { SEVERITY_ORDER, type FixSafety, type Severity } from '../engine/types';
import { REGISTRY } from '../registry';
import { ConfigResolver, readConfigFile } from './config';
import { placeFindings } from './formatters/common';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { lintFiles } from './lint-files';
import { findFiles, UsageError } from './sources';

/** The help text; the kinds come from the registry's kind table. */
export const usage = (registry: Registry) => `Usage: dockguard lint [options] PATH...

Lints Docker host hardening configuration: daemon.json and dockerd's systemd units.
PATH is a file or a folder (walked recursively, skipping node_modules and .git).

Options:
  --format text|json|sarif            output format (default: text)
  --profile recommended|strict|all    rule set: recommended = CIS L1 and non-CIS rules, strict adds L2 (default: recommended)
  --fail-on error|warning|info|never  exit 1 when a finding reaches this severity (default: error)
  --kind ${registry.kinds.map((kind) => kind.name).join('|')}
                                      lint a named file as this kind; in folders, lint only this kind
  --docker-version MAJOR.MINOR        the dockerd release to judge against (default: 29.7)
  --config FILE                       use this .dockguard.yaml instead of looking one up
  --fix                               apply safe fixes and write the files back, then report what remains
  --fix-unsafe                        also apply unsafe fixes (they change what the daemon may do)
  -h, --help                          show this help

Exit status: 0 no finding at the --fail-on level, 1 at least one, 2 usage or internal error.
`;

type FailOn = Severity | 'never';
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd = process.cwd(), registry: Registry = REGISTRY): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'format': { type: 'string' },
        'profile': { type: 'string' },
        'fail-on': { type: 'string' },
        'kind': { type: 'string' },
        'docker-version': { type: 'string' },
        'config': { type: 'string' },
        'fix': { type: 'boolean' },
        'fix-unsafe': { type: 'boolean' },
        'help': { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out(usage(registry));
      return 0;
    }
    const [command, ...paths] = positionals;
    if (command !== 'lint') throw new UsageError(command ? `unknown command '${command}' (the command is lint)` : 'missing command: lint');
    if (paths.length === 0) throw new UsageError('no PATH given');
    const format: Format = oneOf('format', values.format, FORMATS) ?? 'text';
    const profile = oneOf<Profile>('profile', values.profile, PROFILES);
    const failOn: FailOn = oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never']) ?? 'error';
    const kind = oneOf('kind', values.kind, registry.kinds.map((k) => k.name));
    const dockerVersion = values['docker-version'];
    if (dockerVersion !== undefined && !/^\d+\.\d+$/.test(dockerVersion)) throw new UsageError(`--docker-version must be MAJOR.MINOR (got '${dockerVersion}')`);
    const fix: FixSafety[] | undefined = values['fix-unsafe'] ? ['safe', 'unsafe'] : values.fix ? ['safe'] : undefined;

    const overrides: Partial<LintOptions> = { ...(profile ? { profile } : {}), ...(dockerVersion ? { dockerVersion } : {}) };
    const ruleIds = knownRuleIds(registry);
    const explicitConfig = values.config === undefined ? undefined : readConfigFile(resolve(cwd, values.config), ruleIds, cwd);
    const files = findFiles(paths, registry, kind, cwd);
    const outcome = lintFiles({ files, configs: new ConfigResolver(cwd, ruleIds, explicitConfig), overrides, fix, registry });
    const placed = placeFindings(outcome, cwd);
    const fileCount = outcome.sources.length;
    if (format === 'json') out(formatJson(placed, fileCount));
    else if (format === 'sarif') out(formatSarif(placed, outcome.sources, registry, cwd));
    else out(formatText(placed, fileCount, outcome.fixedFiles.length));
    const threshold = SEVERITY_ORDER_OR_NEVER[failOn];
    return placed.some((p) => SEVERITY_ORDER[p.finding.severity] >= threshold) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`dockguard: ${(error as Error).message.split('\n')[0]} (see dockguard --help)\n`);
    } else {
      err(`dockguard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
