/**
 * One line's options → what the line does (a control setting, a watch, a syscall rule), checked as
 * auditctl's option handlers and libaudit check them, in order: the state a handler sees is the
 * options before it (`-F arch=` after `-S` is refused, `-k` before any watch or syscall too).
 * Unlike auditctl, which stops at a line's first error, every problem is reported.
 */
import type { Span } from '../../engine/types';
import { closeMatches } from '../../engine/close-matches';
import { ACTIONS, FILTER_LISTS, MAX_KEY_LENGTH, MAX_NAME_LENGTH, MAX_PATH_LENGTH, type FilterList } from './fields';
import { checkComparison, checkField, type AuditField, type FieldState } from './field-check';
import { readOptions, type AuditOption } from './getopt';
import { report, type AuditProblem } from './problem';
import { ANY_ARCH, closeSyscalls, describeScope, syscallKnown, type SyscallScope } from './syscalls';
import { subWord, type AuditLineWords, type AuditWord } from './words';

export type { AuditProblem } from './problem';

/** The control settings augenrules moves (`-D`, `-b`, `-f`, `-e`) and the others. */
export interface ControlSetting {
  option: AuditOption;
  /** The letter or long name, e.g. `e`, `backlog_wait_time`. */
  name: string;
  value?: AuditWord;
}

export interface SyscallName {
  word: AuditWord;
  /** The tables the name was looked up in (set by `-F arch=` before it). */
  scope: SyscallScope;
}

export type RuleType = 'control' | 'watch' | 'unwatch' | 'syscall' | 'other';

export interface AuditRule {
  type: RuleType;
  /** The line, from its first word to its last. */
  span: Span;
  options: AuditOption[];
  controls: ControlSetting[];
  /** `-a`, `-A` or `-d`. */
  operation?: AuditOption;
  list?: FilterList;
  action?: 'always' | 'never';
  /** `-w`/`-W` PATH (trailing slashes as written). */
  path?: AuditWord;
  /** `-p` letters. */
  perms?: AuditWord;
  syscalls: SyscallName[];
  fields: AuditField[];
  comparisons: AuditField[];
  /** `-k` values and `-F key=` values, in order. */
  keys: AuditWord[];
  problems: AuditProblem[];
}

/** Options whose handlers apply to a rule being built (the others are settings or commands). */
const RULE_OPTIONS = new Set(['a', 'A', 'd', 'w', 'W', 'S', 'F', 'C', 'k', 'p']);
const LISTS: ReadonlySet<string> = new Set(FILTER_LISTS);
const NO_SYSCALL_LISTS: ReadonlySet<string> = new Set(['task', 'user', 'filesystem', 'exclude']);

export function interpretLine(line: AuditLineWords): AuditRule {
  const read = readOptions(line.words);
  const first = line.words[0].start;
  const last = line.words[line.words.length - 1].end;
  const problems: AuditProblem[] = read.problems;
  // Every property set here, in one order: one object shape for all rules.
  const rule: AuditRule = {
    type: 'other', span: { start: first, end: last }, options: read.options, controls: [], operation: undefined, list: undefined, action: undefined,
    path: undefined, perms: undefined, syscalls: [], fields: [], comparisons: [], keys: [], problems,
  };
  const state: FieldState = { scope: ANY_ARCH, syscallAdded: false, permAdded: false, exeAdded: false, fsAdded: false };

  for (const option of read.options) {
    const { name } = option.info;
    const value = option.value;
    if (!RULE_OPTIONS.has(name)) {
      rule.controls.push({ option, name, value });
      if (name === 'R') report(problems, option.flag, '-R cannot be used inside a rules file (nested rule files are not supported)');
      else if (value) checkControl(name, value, problems);
      continue;
    }
    if (!value) continue; // "needs a value", reported by readOptions
    switch (name) {
      case 'a': case 'A': case 'd':
        if (rule.operation) report(problems, option.flag, 'only one -a, -A or -d per rule (auditctl: multiple rule insert/delete operations are not allowed)');
        else if (rule.path) report(problems, option.flag, `a watch (-${rule.type === 'watch' ? 'w' : 'W'}) cannot also take -${name}`);
        else {
          rule.operation = option;
          readListAction(value, rule, problems);
          if (rule.list === 'task' && state.syscallAdded) report(problems, value, 'syscall auditing cannot be put on the task list (-S was given)');
        }
        break;
      case 'w': case 'W':
        if (rule.operation) report(problems, option.flag, `a watch (-${name}) cannot be combined with -${rule.operation.info.name}`);
        else if (rule.path) report(problems, option.flag, 'only one watch per line');
        else if (rule.syscalls.length > 0 || rule.fields.length > 0) report(problems, option.flag, 'watches may not include fields or syscalls (-w must come first; use -a always,exit -F path=… for a filtered watch)');
        else {
          rule.path = value;
          rule.list = 'exit';
          rule.action = 'always';
          state.syscallAdded = true;
          checkWatchPath(value, problems);
        }
        break;
      case 'p':
        if (!rule.operation && !rule.path) report(problems, option.flag, '-p must come after the watch (-w) it sets the permissions of');
        else {
          rule.perms = value;
          state.permAdded = true;
          checkPermLetters(value, problems);
        }
        break;
      case 'S':
        readSyscalls(value, rule, state.scope, problems);
        state.syscallAdded = true;
        break;
      case 'F': {
        if (!rule.operation && !rule.path) {
          report(problems, option.flag, '-F must come after -a, -A or -d (auditctl: list must be given before field)');
          break;
        }
        const checked = checkField(option, value, rule.list, state, problems);
        if (!checked) break;
        if (checked.name.text === 'key' && checked.operator.text === '=') addKey(rule, checked.value);
        else rule.fields.push(checked);
        break;
      }
      case 'C': {
        const checked = checkComparison(option, value, rule.list, problems);
        if (checked) rule.comparisons.push(checked);
        break;
      }
      case 'k':
        // After -D, -k selects the rules to delete (auditctl's -D handler reads it).
        if (rule.controls.some((c) => c.name === 'D')) {
          rule.keys.push(value);
          break;
        }
        if (!(state.syscallAdded || state.permAdded || state.exeAdded || state.fsAdded) || (!rule.operation && !rule.path)) {
          report(problems, option.flag, '-k must come after the watch or syscall rule it names (auditctl: key option needs a watch or syscall given prior to it)');
        }
        addKey(rule, value);
        break;
    }
  }

  rule.type = rule.path ? pathType(rule) : rule.operation ? 'syscall' : rule.controls.length > 0 ? 'control' : 'other';
  if (rule.syscalls.length > 0 && !rule.operation && !rule.path) report(problems, rule.syscalls[0].word, '-S needs a list to go on: add -a always,exit (auditctl: no list specified)');
  if (rule.type === 'control') checkControlLine(rule, line, problems);
  for (const stray of read.strays) {
    const message = stray.text.startsWith('#')
      ? "auditctl has no end-of-line comments: '#' starts a comment only as a line's first word"
      : `'${stray.text}' is neither an option nor an option's value (auditctl: parameter passed without an option given)`;
    report(problems, stray, message);
  }
  return rule;
}

/** True when auditctl accepts the line (it may warn): the rule reaches the kernel. */
export function loads(rule: AuditRule): boolean {
  return rule.problems.every((p) => p.warning);
}

function pathType(rule: AuditRule): RuleType {
  return rule.options.some((o) => o.info.name === 'W') ? 'unwatch' : 'watch';
}

/** A key joins the rule's others with a \x01 between them: auditctl limits them together. */
function addKey(rule: AuditRule, word: AuditWord): void {
  rule.keys.push(word);
  if (word.text.includes('\u0001')) report(rule.problems, word, `key '${word.text}' has an illegal character (\\x01 separates keys)`);
  const length = rule.keys.reduce((sum, k) => sum + k.text.length, rule.keys.length - 1);
  if (length > MAX_KEY_LENGTH) report(rule.problems, word, `the keys of this rule are longer than ${MAX_KEY_LENGTH} characters together`);
}

function checkControl(name: string, value: AuditWord, problems: AuditProblem[]): void {
  switch (name) {
    case 'e': case 'f':
      if (!['0', '1', '2'].includes(value.text)) report(problems, value, `-${name} must be 0, 1 or 2, not '${value.text}'`);
      break;
    case 'b': case 'r': case 'backlog_wait_time':
      if (!/^\d/.test(value.text)) report(problems, value, `${name.length > 1 ? '--' : '-'}${name} must be a number, not '${value.text}'`);
      break;
    case 'signal':
      if (!/^(TERM|stop|HUP|reload|USR1|rotate|USR2|resume|CONT|state)$/i.test(value.text)) report(problems, value, `${value.text} is an unsupported signal (TERM, HUP, USR1, USR2, CONT)`);
      break;
  }
}

/** `-D` takes only `-k KEY` with it; the other settings stand alone in practice but auditctl allows them together. */
function checkControlLine(rule: AuditRule, line: AuditLineWords, problems: AuditProblem[]): void {
  const deleteAll = rule.controls.find((c) => c.name === 'D');
  if (!deleteAll) return;
  const withKey = line.words.length === 3 && rule.keys.length === 1;
  if (line.words.length !== 1 && !withKey) report(problems, deleteAll.option.flag, '-D takes nothing with it but -k KEY');
}

function readListAction(value: AuditWord, rule: AuditRule, problems: AuditProblem[]): void {
  const comma = value.text.indexOf(',');
  if (comma < 0 || value.text.indexOf(',', comma + 1) >= 0) {
    report(problems, value, `-${rule.operation!.info.name} takes LIST,ACTION with one comma (e.g. always,exit), not '${value.text}'`);
    return;
  }
  for (const word of [subWord(value, 0, comma), subWord(value, comma + 1)]) {
    const text = word.text;
    if (text === 'always' || text === 'never') {
      if (rule.action) report(problems, word, `two actions ('${rule.action}' and '${text}'): give one list and one action`);
      rule.action = text;
    } else if (LISTS.has(text) || LISTS.has(text.toLowerCase())) {
      if (rule.list) report(problems, word, `two lists ('${rule.list}' and '${text}'): give one list and one action`);
      rule.list = text.toLowerCase() as FilterList;
    } else if (text === 'possible') {
      report(problems, word, "the action 'possible' is deprecated: auditctl skips this rule (use always)");
    } else if (text === 'entry') {
      report(problems, word, "the entry list was removed from the kernel (2.6.31): use 'exit'");
    } else {
      const close = closeMatches(text, [...FILTER_LISTS, ...ACTIONS]);
      report(problems, word, `'${text}' is neither a list (${FILTER_LISTS.join(', ')}) nor an action (always, never)${close.length === 1 ? `; did you mean '${close[0]}'?` : ''}`);
    }
  }
}

function readSyscalls(value: AuditWord, rule: AuditRule, scope: SyscallScope, problems: AuditProblem[]): void {
  if (rule.list && NO_SYSCALL_LISTS.has(rule.list)) {
    report(problems, value, `syscall auditing cannot be put on the ${rule.list} list`);
  }
  const all = value.text;
  for (let from = 0; from <= all.length; ) {
    let to = all.indexOf(',', from);
    if (to < 0) to = all.length;
    const part = all.slice(from, to);
    if (part !== '') {
      const word = subWord(value, from, to);
      rule.syscalls.push({ word, scope });
      // io_uring rules name io_uring operations, which this table does not hold.
      if (rule.list !== 'io_uring' && !syscallKnown(part, scope)) {
        const close = closeSyscalls(part, scope);
        report(problems, word, `unknown syscall '${part}' for ${describeScope(scope)}${close.length > 0 && close.length <= 3 ? `; did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : ''}`);
      }
    }
    from = to + 1;
  }
}

function checkWatchPath(path: AuditWord, problems: AuditProblem[]): void {
  const text = path.text;
  if (!text.startsWith('/')) {
    report(problems, path, `the watch path must be absolute (start with '/'), not '${text}'`);
    return;
  }
  if (text.length >= MAX_PATH_LENGTH) report(problems, path, 'the watch path is too long');
  let trimmedEnd = text.length;
  while (trimmedEnd > 0 && text.charCodeAt(trimmedEnd - 1) === 47) trimmedEnd--;
  const trimmed = text.slice(0, trimmedEnd);
  if (trimmed === '') report(problems, path, 'the kernel refuses a watch on the top-level directory /');
  else if (trimmed.slice(trimmed.lastIndexOf('/') + 1).length > MAX_NAME_LENGTH) report(problems, path, 'the base name of the watch path is too long');
  if (text.includes('..')) report(problems, path, "relative path notation ('..') is not supported in a watch: the path is taken literally", true);
  if (/[*?]/.test(text)) report(problems, path, 'wildcards are not supported in a watch: the path is taken literally', true);
}

function checkPermLetters(perms: AuditWord, problems: AuditProblem[]): void {
  if (perms.text.length > 4) {
    report(problems, perms, `permission '${perms.text}' is too long: at most the four letters r, w, x, a`);
    return;
  }
  for (let i = 0; i < perms.text.length; i++) {
    if (!'rwxa'.includes(perms.text[i].toLowerCase())) report(problems, subWord(perms, i, i + 1), `permission '${perms.text[i]}' isn't supported: use r (read), w (write), x (execute) or a (attribute change)`);
  }
}
