import { getNodeValue } from 'jsonc-parser';
import { defineRule, type RuleContext } from '../../engine/rule';
import { invalidComposeReferences, invalidComposeValues } from '../compose/invalid-value';
import type { FixProposal } from '../../engine/types';
import { parseDaemonJson, type DaemonJsonFile } from '../../formats/daemon-json/parse';
import type { ParsedFlag } from '../../formats/systemd/dockerd-flags';
import type { JsonValue } from '../../model/daemon-config';
import { optionByKey } from '../../model/daemon-options';
import { flagJsonValue } from '../../model/flag-settings';
import type { DaemonHost } from '../../model/host';
import { driverOfStorageOption, refusesStorageOption } from '../../model/storage-driver';
import { originValueLocation, type Origin } from '../../model/origin';
import { formatPath, schemaProblems, validAt, validValue, type SchemaProblem } from '../../schema/validate';

/** Keys whose values dockerd decodes as strings though they read as numbers: `"max-file": "3"`, `"64M"`. */
const STRING_ENCODED = new Set(['log-opts', 'default-network-opts', 'default-shm-size']);

/**
 * A value of the wrong type, out of range or not allowed: dockerd refuses to start with it, whether
 * daemon.json or a flag gives it. Storage options are judged against the effective storage driver,
 * which refuses another driver's options (`overlay2: unknown option dm.basesize`).
 */
export default defineRule({
  meta: {
    id: 'DG003',
    name: 'invalid-value',
    description: 'A daemon setting (daemon.json value or dockerd flag), or a Compose value, of the wrong type, out of range or not an allowed value.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd', 'compose'],
    reads: ['daemon', 'compose', 'compose-project'],
    messages: {
      invalid: 'Invalid value for "{{path}}": it {{problem}}.',
      reference: 'Invalid reference: {{problem}}.',
      invalidFlag: 'Invalid value for {{flag}}: {{detail}}.',
      storageOption: 'Invalid value for {{where}}: "{{option}}" is an option of the {{owner}} storage driver, and {{driver}} refuses it ("{{driver}}: unknown option"): dockerd does not start.',
    },
    fix: 'safe',
  },
  check(context, model) {
    // A Compose file (the compose model) has a kind, a Compose project its services; a host neither.
    if ('kind' in model) return invalidComposeValues(context, model);
    if ('services' in model) return invalidComposeReferences(context, model);
    const host = model;
    if (host.daemonJson) {
      const file = host.daemonJson;
      for (const problem of schemaProblems(file)) {
        if (problem.kind !== 'invalid') continue;
        context.report({ messageId: 'invalid', data: { path: formatPath(problem.path), problem: problem.problem }, at: { file: file.path, span: problem.span }, fixes: repairFix(file, problem) });
      }
    }
    const hidden = host.command?.hidden ?? [];
    for (const flag of host.command?.args.flags ?? []) {
      // A value from a file the workspace does not hold is unknown (DG206 says so), not invalid.
      if (hidden.some((h) => h.file === flag.file && flag.span.start <= h.span.start && h.span.end <= flag.span.end)) continue;
      for (const detail of flagProblems(flag)) context.report({ messageId: 'invalidFlag', data: { flag: flag.written, detail }, at: { file: flag.file, span: flag.valueSpan ?? flag.span } });
    }
    reportStorageOptions(context, host);
  },
});

function repairFix(file: DaemonJsonFile, problem: SchemaProblem): FixProposal[] {
  const repaired = repair(problem);
  if (repaired === undefined || !validAt(file, problem.path, repaired)) return [];
  return [{ title: `Replace with ${JSON.stringify(repaired)}`, safety: 'safe', edits: [{ offset: problem.span.start, length: problem.span.end - problem.span.start, content: JSON.stringify(repaired) }] }];
}

/** The value the user evidently meant, only where dockerd would read it the same way. */
function repair(problem: SchemaProblem): JsonValue | undefined {
  const value = getNodeValue(problem.node) as JsonValue;
  const { type } = problem.schema;
  if (type === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  if (type === 'integer' && typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean') && STRING_ENCODED.has(String(problem.path[0]))) return String(value);
  // A single string where dockerd wants a list of strings: `"hosts": "fd://"` → `["fd://"]`.
  if (type === 'array' && typeof value === 'string' && (problem.schema.items as { type?: string } | undefined)?.type === 'string') return [value];
  if (typeof value === 'string' && Array.isArray(problem.schema.enum)) {
    const sameLetters = problem.schema.enum.filter((e): e is string => typeof e === 'string' && e.toLowerCase() === value.trim().toLowerCase());
    if (sameLetters.length === 1) return sameLetters[0];
  }
  return undefined;
}

/**
 * A flag's value judged as its daemon.json key would be: the schema problems of `{key: value}`.
 * A bad boolean or number is DG203's (pflag refuses it before dockerd reads the setting).
 */
function flagProblems(flag: ParsedFlag): string[] {
  const key = flag.spec.key;
  if (key === undefined || !optionByKey(key) || flag.value === undefined) return [];
  // Most flags are valid: judge the value directly, and word the problems only for the few that are not.
  if (validFlagValue(flag, key)) return [];
  const value = flagJsonValue(flag);
  if ((flag.spec.kind === 'bool' || flag.spec.kind === 'int') && typeof value === 'string') return [];
  const probe = parseDaemonJson('', JSON.stringify({ [key]: value }));
  // Inside the value: past the key, and past the list index one occurrence of a list flag stands for.
  const inner = (path: (string | number)[]) => path.slice(typeof path[1] === 'number' ? 2 : 1);
  return schemaProblems(probe).map((p) => (inner(p.path).length > 0 && flag.spec.member === undefined ? `"${formatPath(inner(p.path))}" ${p.problem}` : `it ${p.problem}`));
}

/**
 * A unit's flags are the same from one keystroke to the next: remember which values are valid (by
 * flag name and text), up to a bound, so a re-lint does not run the validator again for each.
 */
const validFlagValues = new Map<string, boolean>();
const MAX_REMEMBERED = 10_000;

function validFlagValue(flag: ParsedFlag, key: string): boolean {
  const id = `${flag.spec.name}\u0000${flag.value?.text}`;
  let valid = validFlagValues.get(id);
  if (valid === undefined) {
    if (validFlagValues.size >= MAX_REMEMBERED) validFlagValues.clear();
    valid = validValue(key, flagJsonValue(flag));
    validFlagValues.set(id, valid);
  }
  return valid;
}

function reportStorageOptions(context: RuleContext, host: DaemonHost): void {
  const driver = host.config.get('storage-driver')?.value;
  if (typeof driver !== 'string') return;
  for (const item of host.config.items('storage-opts')) {
    if (typeof item.value !== 'string' || !refusesStorageOption(driver, item.value)) continue;
    const option = item.value.split('=')[0].trim();
    context.report({ messageId: 'storageOption', data: { where: describe(item.origin), option, owner: driverOfStorageOption(item.value)!, driver }, at: originValueLocation(item.origin) });
  }
}

function describe(origin: Origin): string {
  return origin.type === 'daemon-json' ? `"${formatPath(origin.path)}"` : origin.flag;
}
