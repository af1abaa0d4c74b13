/**
 * One line's options → what the line does (a control setting, a watch, a syscall rule), checked as
 * auditctl's option handlers and libaudit check them, in order: the state a handler sees is the
 * options before it (`-F arch=` after `-S` is refused, `-k` before any watch or syscall too).
 * Unlike auditctl, which stops at a line's first error, every problem is reported.
 */
import type { Span } from '../../engine/types';
import { closeMatches } from '../../schema/suggest';
import { ACTIONS, FILTER_LISTS, MAX_KEY_LENGTH, MAX_NAME_LENGTH, MAX_PATH_LENGTH, type FilterList } from './fields';
import { checkComparison, checkField, type AuditField, type FieldState } from './field-check';
import { readOptions, type AuditOption } from './getopt';
import { ANY_ARCH, closeSyscalls, describeScope, syscallKnown, type SyscallScope } from './syscalls';
import { subWord, type AuditLineWords, type AuditWord } from './words';

export interface AuditProblem {
  span: Span;
  message: string;
  /** auditctl loads the line but warns: the rule will not do what it says. */
  warning?: boolean;
}

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

export function interpretLine(line: AuditLineWords): AuditRule {
  const read = readOptions(line.words);
  const first = line.words[0].span.start;
  const last = line.words[line.words.length - 1].span.end;
  const rule: AuditRule = { type: 'other', span: { start: first, end: last }, options: read.options, controls: [], syscalls: [], fields: [], comparisons: [], keys: [], problems: [...read.problems] };
  const problem = (span: Span, message: string, warning?: boolean) => rule.problems.push(warning ? { span, message, warning } : { span, message });
  const state: FieldState = { scope: ANY_ARCH, syscallAdded: false, permAdded: false, exeAdded: false, fsAdded: false };
  let keyLength = -1;
  const addKey = (word: AuditWord) => {
    rule.keys.push(word);
    if (word.text.includes('\u0001')) problem(word.span, `key '${word.text}' has an illegal character (\\x01 separates keys)`);
    keyLength += word.text.length + 1;
    if (keyLength > MAX_KEY_LENGTH) problem(word.span, `the keys of this rule are longer than ${MAX_KEY_LENGTH} characters together`);
  };

  for (const option of read.options) {
    const { name } = option.info;
    const value = option.value;
    if (!RULE_OPTIONS.has(name)) {
      rule.controls.push({ option, name, value });
      if (name === 'R') problem(option.flag.span, '-R cannot be used inside a rules file (nested rule files are not supported)');
      else if (value) checkControl(name, value, problem);
      continue;
    }
    if (!value) continue; // "needs a value", reported by readOptions
    switch (name) {
      case 'a': case 'A': case 'd':
        if (rule.operation) problem(option.flag.span, 'only one -a, -A or -d per rule (auditctl: multiple rule insert/delete operations are not allowed)');
        else if (rule.path) problem(option.flag.span, `a watch (-${rule.type === 'watch' ? 'w' : 'W'}) cannot also take -${name}`);
        else {
          rule.operation = option;
          readListAction(value, rule, problem);
          if (rule.list === 'task' && state.syscallAdded) problem(value.span, 'syscall auditing cannot be put on the task list (-S was given)');
        }
        break;
      case 'w': case 'W':
        if (rule.operation) problem(option.flag.span, `a watch (-${name}) cannot be combined with -${rule.operation.info.name}`);
        else if (rule.path) problem(option.flag.span, 'only one watch per line');
        else if (rule.syscalls.length > 0 || rule.fields.length > 0) problem(option.flag.span, 'watches may not include fields or syscalls (-w must come first; use -a always,exit -F path=… for a filtered watch)');
        else {
          rule.path = value;
          rule.list = 'exit';
          rule.action = 'always';
          state.syscallAdded = true;
          checkWatchPath(value, problem);
        }
        break;
      case 'p':
        if (!rule.operation && !rule.path) problem(option.flag.span, '-p must come after the watch (-w) it sets the permissions of');
        else {
          rule.perms = value;
          state.permAdded = true;
          checkPermLetters(value, problem);
        }
        break;
      case 'S':
        readSyscalls(value, rule, state.scope, problem);
        state.syscallAdded = true;
        break;
      case 'F': {
        if (!rule.operation && !rule.path) {
          problem(option.flag.span, '-F must come after -a, -A or -d (auditctl: list must be given before field)');
          break;
        }
        const checked = checkField(option, value, rule.list, state, problem);
        if (!checked) break;
        if (checked.name.text === 'key' && checked.operator.text === '=') addKey(checked.value);
        else rule.fields.push(checked);
        break;
      }
      case 'C': {
        const checked = checkComparison(option, value, rule.list, problem);
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
          problem(option.flag.span, '-k must come after the watch or syscall rule it names (auditctl: key option needs a watch or syscall given prior to it)');
        }
        addKey(value);
        break;
    }
  }

  rule.type = rule.path ? pathType(rule) : rule.operation ? 'syscall' : rule.controls.length > 0 ? 'control' : 'other';
  if (rule.syscalls.length > 0 && !rule.operation && !rule.path) problem(rule.syscalls[0].word.span, '-S needs a list to go on: add -a always,exit (auditctl: no list specified)');
  if (rule.type === 'control') checkControlLine(rule, line, problem);
  for (const stray of read.strays) {
    const message = stray.text.startsWith('#')
      ? "auditctl has no end-of-line comments: '#' starts a comment only as a line's first word"
      : `'${stray.text}' is neither an option nor an option's value (auditctl: parameter passed without an option given)`;
    problem(stray.span, message);
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

type Report = (span: Span, message: string, warning?: boolean) => void;

function checkControl(name: string, value: AuditWord, problem: Report): void {
  switch (name) {
    case 'e': case 'f':
      if (!['0', '1', '2'].includes(value.text)) problem(value.span, `-${name} must be 0, 1 or 2, not '${value.text}'`);
      break;
    case 'b': case 'r': case 'backlog_wait_time':
      if (!/^\d/.test(value.text)) problem(value.span, `${name.length > 1 ? '--' : '-'}${name} must be a number, not '${value.text}'`);
      break;
    case 'signal':
      if (!/^(TERM|stop|HUP|reload|USR1|rotate|USR2|resume|CONT|state)$/i.test(value.text)) problem(value.span, `${value.text} is an unsupported signal (TERM, HUP, USR1, USR2, CONT)`);
      break;
  }
}

/** `-D` takes only `-k KEY` with it; the other settings stand alone in practice but auditctl allows them together. */
function checkControlLine(rule: AuditRule, line: AuditLineWords, problem: Report): void {
  const deleteAll = rule.controls.find((c) => c.name === 'D');
  if (!deleteAll) return;
  const withKey = line.words.length === 3 && rule.keys.length === 1;
  if (line.words.length !== 1 && !withKey) problem(deleteAll.option.flag.span, '-D takes nothing with it but -k KEY');
}

function readListAction(value: AuditWord, rule: AuditRule, problem: Report): void {
  const parts = value.text.split(',');
  if (parts.length !== 2) {
    problem(value.span, `-${rule.operation!.info.name} takes LIST,ACTION with one comma (e.g. always,exit), not '${value.text}'`);
    return;
  }
  const comma = value.text.indexOf(',');
  const words = [subWord(value, 0, comma), subWord(value, comma + 1)];
  for (const word of words) {
    const text = word.text;
    if (text === 'always' || text === 'never') {
      if (rule.action) problem(word.span, `two actions ('${rule.action}' and '${text}'): give one list and one action`);
      rule.action = text;
    } else if ((FILTER_LISTS as readonly string[]).includes(text.toLowerCase())) {
      if (rule.list) problem(word.span, `two lists ('${rule.list}' and '${text}'): give one list and one action`);
      rule.list = text.toLowerCase() as FilterList;
    } else if (text === 'possible') {
      problem(word.span, "the action 'possible' is deprecated: auditctl skips this rule (use always)");
    } else if (text === 'entry') {
      problem(word.span, "the entry list was removed from the kernel (2.6.31): use 'exit'");
    } else {
      const close = closeMatches(text, [...FILTER_LISTS, ...ACTIONS], false);
      problem(word.span, `'${text}' is neither a list (${FILTER_LISTS.join(', ')}) nor an action (always, never)${close.length === 1 ? `; did you mean '${close[0]}'?` : ''}`);
    }
  }
}

function readSyscalls(value: AuditWord, rule: AuditRule, scope: SyscallScope, problem: Report): void {
  if (rule.list && ['task', 'user', 'filesystem', 'exclude'].includes(rule.list)) {
    problem(value.span, `syscall auditing cannot be put on the ${rule.list} list`);
  }
  let from = 0;
  for (const part of value.text.split(',')) {
    const to = from + part.length;
    if (part !== '') {
      const word = subWord(value, from, to);
      rule.syscalls.push({ word, scope });
      // io_uring rules name io_uring operations, which this table does not hold.
      if (rule.list !== 'io_uring' && !syscallKnown(part, scope)) {
        const close = closeSyscalls(part, scope);
        problem(word.span, `unknown syscall '${part}' for ${describeScope(scope)}${close.length > 0 && close.length <= 3 ? `; did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : ''}`);
      }
    }
    from = to + 1;
  }
}

function checkWatchPath(path: AuditWord, problem: Report): void {
  const text = path.text;
  if (!text.startsWith('/')) {
    problem(path.span, `the watch path must be absolute (start with '/'), not '${text}'`);
    return;
  }
  if (text.length >= MAX_PATH_LENGTH) problem(path.span, 'the watch path is too long');
  const trimmed = text.replace(/\/+$/, '');
  if (trimmed === '') problem(path.span, 'the kernel refuses a watch on the top-level directory /');
  else if (trimmed.slice(trimmed.lastIndexOf('/') + 1).length > MAX_NAME_LENGTH) problem(path.span, 'the base name of the watch path is too long');
  if (text.includes('..')) problem(path.span, "relative path notation ('..') is not supported in a watch: the path is taken literally", true);
  if (/[*?]/.test(text)) problem(path.span, 'wildcards are not supported in a watch: the path is taken literally', true);
}

export function checkPermLetters(perms: AuditWord, problem: Report): void {
  if (perms.text.length > 4) {
    problem(perms.span, `permission '${perms.text}' is too long: at most the four letters r, w, x, a`);
    return;
  }
  for (let i = 0; i < perms.text.length; i++) {
    if (!'rwxa'.includes(perms.text[i].toLowerCase())) problem(subWord(perms, i, i + 1).span, `permission '${perms.text[i]}' isn't supported: use r (read), w (write), x (execute) or a (attribute change)`);
  }
}
