/**
 * `dockguard lint [options] PATH...`: the same engine as the language server, for CI.
 * Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for usage or internal errors.
 */
import { resolve, sep } from 'node:path';
import { SEVERITY_ORDER_OR_NEVER, type LintOptions } from '../engine/options';
import { knownRuleIds, type Registry } from '../engine/registry';
import { SEVERITY_ORDER } from '../engine/types';
import { REGISTRY } from '../registry';
import { version } from '../../../package.json';
import { parseCommandLine, usage as usageOf } from './args';
import { withoutBaseline, writeBaseline } from './baseline';
import { ConfigResolver, effectiveOptions, readConfigFile } from './config';
import { displayPath, placeFindings } from './formatters/common';
import { formatDiff } from './formatters/diff';
import { formatConcise } from './formatters/concise';
import { formatGithub } from './formatters/github';
import { formatGitlab } from './formatters/gitlab';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import type { RunFacts } from './formatters/summary';
import { formatText } from './formatters/text';
import { runHost } from './host';
import { lintFiles } from './lint-files';
import { findFiles, UsageError, type FoundFile } from './sources';

/** The help text; the kinds come from the registry's kind table. */
export const usage = (registry: Registry) => usageOf(kindNames(registry));

/** The kinds a file can be linted as: those that claim paths (host mode's metadata claims none), less a context kind (a Compose `.env`, read beside the files it serves). */
const kindNames = (registry: Registry) => registry.kinds.filter((kind) => kind.globs.length > 0 && !kind.context).map((kind) => kind.name);

/** Where the CLI writes and what it knows of the terminal it writes to. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Whether standard output is a terminal, and its width when it is. */
  isTTY: boolean;
  columns?: number;
  env: NodeJS.ProcessEnv;
}

export function run(argv: string[], io: Terminal, registry: Registry = REGISTRY): number {
  try {
    if (argv[0] === 'host') return runHost(argv.slice(1), io.out, io.cwd, registry, { colour: wantsColour(io.isTTY, io.env), columns: io.isTTY ? io.columns : undefined }, io.env);
    const args = parseCommandLine(argv, kindNames(registry));
    if (args.help) {
      io.out(usage(registry));
      return 0;
    }
    if (args.version) {
      io.out(`dockguard ${version}\n`);
      return 0;
    }
    if (args.command !== 'lint') throw new UsageError(args.command ? `unknown command '${args.command}' (the commands are lint and host)` : 'missing command: lint or host');
    if (args.paths.length === 0) throw new UsageError('no PATH given');

    const overrides: Partial<LintOptions> = { ...(args.profile ? { profile: args.profile } : {}), ...(args.dockerVersion ? { dockerVersion: args.dockerVersion } : {}) };
    const ruleIds = knownRuleIds(registry);
    const configs = new ConfigResolver(io.cwd, ruleIds, args.config === undefined ? undefined : readConfigFile(resolve(io.cwd, args.config), ruleIds, io.cwd));
    const files = findFiles(args.paths, registry, configs, args.kind, io.cwd);
    if (args.errorOnUnmatchedPattern) checkEveryPathMatched(args.paths, files.filter((f) => !f.context), args.kind ? [args.kind] : kindNames(registry).filter((name) => registry.kindsByName.get(name)?.walked !== false), io.cwd);
    if (args.reportSuppressed && args.format !== 'json' && args.format !== 'sarif') throw new UsageError('--report-suppressed needs --format json or sarif');
    if (args.diff && !args.fix) throw new UsageError('--diff needs --fix or --fix-unsafe');
    const outcome = lintFiles({ files, configs, overrides, fix: args.fix, dryRun: args.diff, registry });
    if (args.diff) {
      // ruff's --diff: the change is the output, and exit 1 says there is one.
      io.out(formatDiff(outcome.changes.map((change) => ({ ...change, file: displayPath(change.path, io.cwd) }))));
      return outcome.changes.length > 0 ? 1 : 0;
    }
    const all = placeFindings(outcome, io.cwd, args.reportSuppressed);
    if (args.writeBaseline !== undefined) writeBaseline(resolve(io.cwd, args.writeBaseline), all.filter((p) => !p.suppression), outcome.sources, io.cwd);
    const placed = args.baseline === undefined ? all : withoutBaseline(resolve(io.cwd, args.baseline), all, outcome.sources, io.cwd);
    const dockerVersions = new Map<string, number>();
    for (const source of outcome.sources) {
      const judged = effectiveOptions(configs.configFor(source.path), overrides).dockerVersion;
      dockerVersions.set(judged, (dockerVersions.get(judged) ?? 0) + 1);
    }
    const fixed = outcome.changes.map((change) => ({ file: displayPath(change.path, io.cwd), problems: change.problems })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // The text formats say what --fix wrote above their summary; the formats for tools stay to their format (as ruff's).
    const facts: RunFacts = { files: outcome.sources.length, fixed, dockerVersions };
    if (args.format === 'json') io.out(formatJson(placed, facts.files));
    else if (args.format === 'sarif') io.out(formatSarif(placed, outcome.sources, registry, io.cwd));
    else if (args.format === 'github') io.out(formatGithub(placed));
    else if (args.format === 'gitlab') io.out(formatGitlab(placed, outcome.sources, io.cwd));
    else if (args.format === 'concise') io.out(formatConcise(placed, facts));
    else io.out(formatText(placed, facts, { colour: wantsColour(io.isTTY, io.env), columns: io.isTTY ? io.columns : undefined }));
    const threshold = SEVERITY_ORDER_OR_NEVER[args.failOn];
    return placed.some((p) => !p.suppression && SEVERITY_ORDER[p.finding.severity] >= threshold) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) io.err(`dockguard: ${error.message} (see dockguard --help)\n`);
    else io.err(`dockguard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** A mistyped path in CI must not pass as "0 files linted": each PATH has to hold a file to lint. */
function checkEveryPathMatched(paths: string[], files: FoundFile[], kinds: readonly string[], cwd: string): void {
  const empty = paths.filter((given) => {
    const path = resolve(cwd, given);
    const folder = path.endsWith(sep) ? path : path + sep;
    return !files.some((file) => file.path === path || file.path.startsWith(folder));
  });
  if (empty.length === 0) return;
  const either = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}` : kinds.join('');
  throw new UsageError(`no ${either} file in ${empty.join(', ')}; --no-error-on-unmatched-pattern allows that`);
}

/**
 * Colour on a terminal only; NO_COLOR (no-color.org) turns it off, FORCE_COLOR forces it on or, as
 * `0` or `false`, off, and wins over NO_COLOR as in Node. A dumb terminal gets none.
 */
export function wantsColour(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    env: process.env,
  });
}
