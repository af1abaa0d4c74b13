/**
 * The audit rules a machine loads, as one ordered list. A `rules.d` folder is read as augenrules
 * (audit-userspace init.d/augenrules.in) builds /etc/audit/audit.rules from it: the `*.rules`
 * fragments in `ls -v` order, the last bare `-D` first, then the last `-b` and the last `-f`, every
 * other rule in order, the last `-e` at the end (earlier ones dropped). An audit.rules beside a
 * rules.d is augenrules' output: it is compared with what augenrules would build (DG407), never
 * added to the union. Any other rules file is loaded as it stands by `auditctl -R`, where order
 * matters: a bare `-D` deletes what came before, and nothing loads after `-e 2`.
 */
import type { AuditFile } from '../formats/audit/parse';
import type { AuditRule } from '../formats/audit/rule';
import type { HostEvidence } from './docker-watches';
import { versionCompare } from './version-sort';

/** One rule of the set and the file it is written in. */
export interface LoadedRule {
  rule: AuditRule;
  file: AuditFile;
}

export interface AuditRuleSet {
  /** `augenrules`: a rules.d folder; `standalone`: one file for `auditctl -R`. */
  mode: 'augenrules' | 'standalone';
  /** The rules.d folder, or the standalone file's path. */
  source: string;
  /** The files of the set, in load order (fragments in `ls -v` order). */
  files: AuditFile[];
  /** Every rule, in the order auditctl receives them. */
  rules: LoadedRule[];
  /** Standalone: the `-e 2` that locks the configuration with rules after it (DG403). */
  immutableAt?: LoadedRule;
  /** The audit.rules beside a rules.d folder: augenrules' output. */
  compiled?: AuditFile;
  /** The first file of the set: where a finding about the whole set goes. */
  anchor: AuditFile;
  /** What the machine's tree shows (which Docker paths apply). */
  evidence: HostEvidence;
}

const RULES_D = /^(.*\/)?rules\.d$/;

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The rule sets of one machine's (or one folder's) audit files. */
export function buildAuditRuleSets(files: readonly AuditFile[], evidence: HostEvidence = { paths: new Set() }): AuditRuleSet[] {
  const fragments = new Map<string, AuditFile[]>();
  for (const file of files) {
    const folder = folderOf(file.path.replace(/\\/g, '/'));
    if (RULES_D.test(folder) && file.path.endsWith('.rules')) fragments.set(folder, [...(fragments.get(folder) ?? []), file]);
  }
  const sets: AuditRuleSet[] = [];
  const used = new Set<AuditFile>();
  for (const [folder, list] of fragments) {
    list.sort((a, b) => versionCompare(baseName(a.path), baseName(b.path)));
    const compiled = files.find((f) => f.path.replace(/\\/g, '/') === `${folderOf(folder) === '' ? '' : `${folderOf(folder)}/`}audit.rules`);
    list.forEach((f) => used.add(f));
    if (compiled) used.add(compiled);
    sets.push({ mode: 'augenrules', source: folder, files: list, rules: augenrulesOrder(list), compiled, anchor: list[0], evidence });
  }
  for (const file of files) {
    if (used.has(file)) continue;
    sets.push({ mode: 'standalone', source: file.path, files: [file], ...standaloneOrder(file), anchor: file, evidence });
  }
  return sets;
}

type Moved = 'D' | 'b' | 'f' | 'e';

/** Which of augenrules' moved control lines a rule is (its awk matches the line's start). */
export function movedControl(rule: AuditRule): Moved | undefined {
  const first = rule.options[0]?.flag.text;
  if (rule.type !== 'control' || first === undefined) return undefined;
  if (first.startsWith('-e')) return 'e';
  if (first === '-D' && rule.options.length === 1) return 'D';
  if (first.startsWith('-f')) return 'f';
  if (first.startsWith('-b')) return 'b';
  return undefined;
}

function augenrulesOrder(files: readonly AuditFile[]): LoadedRule[] {
  const last = new Map<Moved, LoadedRule>();
  const rest: LoadedRule[] = [];
  for (const file of files) {
    for (const rule of file.rules) {
      const moved = movedControl(rule);
      if (moved) last.set(moved, { rule, file });
      else rest.push({ rule, file });
    }
  }
  const pick = (m: Moved) => (last.has(m) ? [last.get(m)!] : []);
  return [...pick('D'), ...pick('b'), ...pick('f'), ...rest, ...pick('e')];
}

function standaloneOrder(file: AuditFile): Pick<AuditRuleSet, 'rules' | 'immutableAt'> {
  let rules: LoadedRule[] = [];
  let immutableAt: LoadedRule | undefined;
  for (const rule of file.rules) {
    const loaded = { rule, file };
    if (immutableAt) continue;
    if (movedControl(rule) === 'D') rules = [];
    rules.push(loaded);
    if (movedControl(rule) === 'e' && rule.controls[0]?.value?.text === '2') immutableAt = loaded;
  }
  const locked = immutableAt && file.rules.indexOf(immutableAt.rule) < file.rules.length - 1 ? immutableAt : undefined;
  return { rules, immutableAt: locked };
}

/**
 * The audit.rules augenrules writes from the fragments (byte for byte: `cat` joins a fragment that
 * lacks its last line break to the next one), for comparison with the one on disk.
 */
export function augenrulesOutput(set: AuditRuleSet): string {
  const joined = set.files.map((f) => f.text).join('');
  let minusD = '';
  let minusB = '';
  let minusF = '';
  let minusE = '';
  const rest: string[] = [];
  const lines = joined.split('\n');
  if (joined.endsWith('\n')) lines.pop();
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.length < 1 || /^\s*#/.test(line)) continue;
    if (/^\s*-e/.test(line)) minusE = line;
    else if (/^\s*-D\s*$/.test(line)) minusD = line;
    else if (/^\s*-f/.test(line)) minusF = line;
    else if (/^\s*-b/.test(line)) minusB = line;
    else rest.push(line);
  }
  return ['## This file is automatically generated from /etc/audit/rules.d', minusD, minusB, minusF, ...rest, minusE, ''].join('\n');
}
