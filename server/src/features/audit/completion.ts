/**
 * Completion in audit rules, from the words of the line before the cursor: options where a word
 * starts, fields after `-F` (and arch names after `-F arch=`), syscall names after `-S` (from the table the line's `-F arch=` picks),
 * lists and actions after `-a`/`-A`/`-d`, permission letters after `-p`.
 */
import type { Span } from '../../engine/types';
import { ACTION_DESCRIPTIONS, FIELDS, LIST_DESCRIPTIONS } from '../../formats/audit/fields';
import { OPTIONS } from '../../formats/audit/getopt';
import type { AuditFile } from '../../formats/audit/parse';
import { ANY_ARCH, ARCH_NAMES, scopeForArch, syscallNames } from '../../formats/audit/syscalls';
import type { CompletionEntry, FeatureContext } from '../../engine/kind';
import { fieldDocumentation, optionDocumentation } from './hover';

const LIST_ACTIONS = ['always,exit', 'never,exit', 'always,exclude', 'never,exclude', 'never,user', 'never,filesystem', 'always,task', 'never,task'];
const PERMISSIONS: [string, string][] = [['wa', 'writes and attribute changes (the CIS watches)'], ['rwxa', 'every access'], ['x', 'execution'], ['r', 'reads']];

export function auditCompletion(file: AuditFile, offset: number, _context: FeatureContext): CompletionEntry[] {
  let lineStart = offset;
  while (lineStart > 0 && file.text[lineStart - 1] !== '\n') lineStart--;
  const words = file.text.slice(lineStart, offset).split(' ');
  const typed = words.pop()!;
  if (words.length === 0 && typed.startsWith('#')) return [];
  const previous = words.filter((w) => w !== '').pop();
  const replace = (from: number): Span => ({ start: offset - typed.length + from, end: offset });
  switch (previous) {
    case '-F':
      if (/^arch!?=/.test(typed)) {
        const from = typed.indexOf('=') + 1;
        return ARCH_NAMES.map((arch) => ({ label: arch, kind: 'value', detail: arch.startsWith('b') ? `the loading machine's ${arch.slice(1)}-bit table` : 'machine', text: arch, replace: replace(from) }));
      }
      if (/[=!<>&]/.test(typed)) return [];
      return FIELDS.map((f) => ({ label: f.name, kind: 'key', detail: f.value, documentation: fieldDocumentation(f), text: `${f.name}=`, snippet: `${f.name}=$1`, replace: replace(0) }));
    case '-S': {
      const arch = words.map((w, i) => (words[i - 1] === '-F' ? /^arch=(.+)$/.exec(w)?.[1] : undefined)).filter(Boolean).pop();
      const scope = (arch && scopeForArch(arch)) || ANY_ARCH;
      const from = typed.lastIndexOf(',') + 1;
      return ['all', ...syscallNames(scope.machines.length > 0 ? scope : ANY_ARCH)].map((name) => ({ label: name, kind: 'value', detail: 'syscall', text: name, replace: replace(from) }));
    }
    case '-a': case '-A': case '-d':
      return LIST_ACTIONS.map((value) => {
        const [action, list] = value.split(',') as [keyof typeof ACTION_DESCRIPTIONS, keyof typeof LIST_DESCRIPTIONS];
        return { label: value, kind: 'value', documentation: `**${action}**: ${ACTION_DESCRIPTIONS[action]}\n\n**${list}** list: ${LIST_DESCRIPTIONS[list]}`, text: value, replace: replace(0) };
      });
    case '-p':
      return PERMISSIONS.map(([letters, what]) => ({ label: letters, kind: 'value', detail: what, text: letters, replace: replace(0) }));
  }
  if (typed !== '' && !typed.startsWith('-')) return [];
  return OPTIONS.map((o) => {
    const flag = o.name.length === 1 ? `-${o.name}` : `--${o.name}`;
    return { label: flag, kind: 'key', detail: o.argument, documentation: optionDocumentation(o), text: o.takesValue ? `${flag} ` : flag, replace: replace(0) };
  });
}
