/**
 * One line's words → options, as auditctl's getopt_long call reads them (optstring
 * `hicslDvtC:e:f:r:b:a:A:d:S:F:m:R:w:W:k:p:q:` and its long options): short options may be
 * clustered (`-Dk key`), an argument may be attached (`-Farch=b64`) or the next word even when it
 * starts with `-`, a long option may be abbreviated to a unique prefix and take `=value`. Words
 * that are neither options nor arguments are collected: auditctl refuses a line that has one.
 */
import type { Span } from '../../engine/types';
import { spanOf, subWord, type AuditWord } from './words';

export interface OptionInfo {
  /** The letter (`w`) or the long name (`backlog_wait_time`). */
  name: string;
  takesValue: boolean;
  /** The argument's name in help text, e.g. `PATH`. */
  argument?: string;
  description: string;
}

const option = (name: string, argument: string | undefined, description: string): OptionInfo => ({ name, takesValue: argument !== undefined, argument, description });

/** Every option auditctl accepts, in its help's order. */
export const OPTIONS: readonly OptionInfo[] = [
  option('a', 'LIST,ACTION', 'Append a rule to the end of a list (exit, task, user, exclude, filesystem, io_uring) with an action (always, never); either order.'),
  option('A', 'LIST,ACTION', 'Add a rule at the beginning of a list with an action.'),
  option('b', 'BACKLOG', 'Set the most outstanding audit buffers the kernel allows (kernel default 64); when they are full, the failure flag (-f) decides.'),
  option('c', undefined, 'Continue loading rules past an error (the exit code still reports it).'),
  option('C', 'FIELD=FIELD', 'Compare two fields of the event: `=` or `!=` between two uid fields or two gid fields (exit list only).'),
  option('d', 'LIST,ACTION', 'Delete a rule that matches exactly.'),
  option('D', undefined, 'Delete all rules and watches (optionally only those with `-k KEY`).'),
  option('e', '0|1|2', 'Set the enabled flag: 0 disables auditing, 1 enables it, 2 locks the configuration until reboot (immutable; best the last line).'),
  option('f', '0|1|2', 'Set the failure mode for critical errors: 0 silent, 1 printk (default), 2 panic.'),
  option('F', 'FIELD OP VALUE', 'Add a field condition to a rule, e.g. `-F auid>=1000`, `-F path=/etc/docker`, `-F arch=b64`.'),
  option('h', undefined, 'Print help.'),
  option('i', undefined, 'Ignore errors when reading rules from a file.'),
  option('k', 'KEY', 'Set a filter key on the rule or watch (searchable with `ausearch -k`); several -k give several keys.'),
  option('l', undefined, 'List the loaded rules.'),
  option('m', 'TEXT', 'Send a user-space message into the audit log.'),
  option('p', 'rwxa', 'The access a watch triggers on: r read, w write, x execute, a attribute change.'),
  option('q', 'MOUNT,SUBTREE', "Make a subtree mounted in a watched directory part of the mount point's watches."),
  option('r', 'RATE', 'Set the most messages per second (0 = no limit).'),
  option('R', 'FILE', 'Read rules from a file.'),
  option('s', undefined, "Report the kernel audit subsystem's status."),
  option('S', 'SYSCALL', 'The syscalls a rule applies to: names, numbers, a comma list or `all`, looked up in the table `-F arch=` chose.'),
  option('t', undefined, 'Trim the subtrees after a mount command.'),
  option('v', undefined, "Print auditctl's version."),
  option('w', 'PATH', 'Watch a file, or a directory and its subtree, for the access -p names (all access without -p).'),
  option('W', 'PATH', 'Remove a watch (it must match exactly).'),
  option('help', undefined, 'Print help.'),
  option('loginuid-immutable', undefined, 'Make login uids unchangeable once set (tamper-proof auid; can trouble some containers).'),
  option('backlog_wait_time', 'TIME', 'How long the kernel waits when the backlog is full before queuing more events (kernel default 60*HZ).'),
  option('reset-lost', undefined, 'Reset the lost record counter.'),
  option('reset_backlog_wait_time_actual', undefined, 'Reset the actual backlog wait time counter.'),
  option('signal', 'SIGNAL', 'Send a signal to auditd (TERM, HUP, USR1, USR2, CONT).'),
];

const SHORT = new Map(OPTIONS.filter((o) => o.name.length === 1).map((o) => [o.name, o]));
const LONG = OPTIONS.filter((o) => o.name.length > 1);

/** One option of a line. */
export interface AuditOption {
  info: OptionInfo;
  /** The option as written (`-w`; in a cluster `-Dk`, the `k`). */
  flag: AuditWord;
  value?: AuditWord;
}

export interface OptionProblem {
  span: Span;
  message: string;
}

export interface ReadOptions {
  options: AuditOption[];
  /** Words that are neither an option nor an option's argument. */
  strays: AuditWord[];
  problems: OptionProblem[];
}

export function readOptions(words: readonly AuditWord[]): ReadOptions {
  const result: ReadOptions = { options: [], strays: [], problems: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.text;
    if (text === '--') {
      result.strays.push(...words.slice(i + 1));
      break;
    }
    if (text.startsWith('--')) {
      i = readLong(words, i, result);
      continue;
    }
    if (!text.startsWith('-') || text.length === 1) {
      result.strays.push(word);
      continue;
    }
    for (let j = 1; j < text.length; j++) {
      const info = SHORT.get(text[j]);
      const flag = j === 1 && text.length === 2 ? word : subWord(word, j === 1 ? 0 : j, j + 1);
      if (!info) {
        result.problems.push({ span: spanOf(flag), message: `unknown option -${text[j]}` });
        continue;
      }
      if (!info.takesValue) {
        result.options.push({ info, flag });
        continue;
      }
      if (j + 1 < text.length) {
        result.options.push({ info, flag, value: subWord(word, j + 1) });
      } else if (i + 1 < words.length) {
        result.options.push({ info, flag, value: words[++i] });
      } else {
        result.options.push({ info, flag });
        result.problems.push({ span: spanOf(flag), message: `-${info.name} needs a value (${info.argument})` });
      }
      break;
    }
  }
  return result;
}

/** A long option at `words[i]`; returns the index of the last word it used. */
function readLong(words: readonly AuditWord[], i: number, result: ReadOptions): number {
  const word = words[i];
  const equals = word.text.indexOf('=');
  const name = word.text.slice(2, equals < 0 ? undefined : equals);
  const flag = equals < 0 ? word : subWord(word, 0, equals);
  const exact = LONG.find((o) => o.name === name);
  const prefixed = name === '' ? [] : LONG.filter((o) => o.name.startsWith(name));
  const info = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (!info) {
    const message = prefixed.length > 1 ? `option --${name} is ambiguous (${prefixed.map((o) => `--${o.name}`).join(', ')})` : `unknown option --${name}`;
    result.problems.push({ span: spanOf(flag), message });
    return i;
  }
  if (!info.takesValue) {
    result.options.push({ info, flag });
    if (equals >= 0) result.problems.push({ span: spanOf(subWord(word, equals)), message: `--${info.name} takes no argument` });
    return i;
  }
  if (equals >= 0) {
    result.options.push({ info, flag, value: subWord(word, equals + 1) });
    return i;
  }
  if (i + 1 < words.length) {
    result.options.push({ info, flag, value: words[i + 1] });
    return i + 1;
  }
  result.options.push({ info, flag });
  result.problems.push({ span: spanOf(flag), message: `--${info.name} needs a value (${info.argument})` });
  return i;
}

