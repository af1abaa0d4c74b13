/**
 * `dockguard lint [options] PATH...`: the same engine as the language server, for CI.
 * Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for usage or internal errors.
 */
import { parseArgs } from 'node:util';
import { lintSources } from '../engine/api';
import { PROFILES, SEVERITY_ORDER_OR_NEVER, withDefaults, type Profile } from '../engine/options';
import { FILE_KINDS, SEVERITY_ORDER, type FileKind, type Severity } from '../engine/types';
import { placeFindings } from './formatters/common';
import { formatJson } from './formatters/json';
import { formatText } from './formatters/text';
import { collectSources, UsageError } from './sources';

const USAGE = `Usage: dockguard lint [--format text|json] [--profile recommended|strict|all]
                      [--fail-on error|warning|info|never] [--kind daemon-json|systemd|compose|audit]
                      [--docker-version MAJOR.MINOR] PATH...`;

type FailOn = Severity | 'never';

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
        'help': { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out(USAGE + '\n');
      return 0;
    }
    const [command, ...paths] = positionals;
    if (command !== 'lint') throw new UsageError(command ? `unknown command '${command}'` : 'missing command: lint');
    if (paths.length === 0) throw new UsageError('no PATH given');
    const format = oneOf('format', values.format, ['text', 'json'], 'text');
    const profile = oneOf<Profile>('profile', values.profile, PROFILES, 'recommended');
    const failOn = oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'], 'error');
    const kind = values.kind === undefined ? undefined : oneOf<FileKind>('kind', values.kind, FILE_KINDS, 'daemon-json');
    const dockerVersion = values['docker-version'];
    if (dockerVersion !== undefined && !/^\d+\.\d+$/.test(dockerVersion)) throw new UsageError(`--docker-version must be MAJOR.MINOR (got '${dockerVersion}')`);

    const sources = collectSources(paths, kind);
    const options = withDefaults({ profile, ...(dockerVersion ? { dockerVersion } : {}) });
    const { findings } = lintSources(sources, options);
    const placed = placeFindings({ sources, findings });
    out(format === 'json' ? formatJson(placed, sources.length) : formatText(placed, sources.length));
    const threshold = SEVERITY_ORDER_OR_NEVER[failOn];
    return placed.some((p) => SEVERITY_ORDER[p.finding.severity] >= threshold) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`dockguard: ${(error as Error).message}\n${USAGE}\n`);
    } else {
      err(`dockguard: internal error: ${(error as Error).stack ?? error}\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
