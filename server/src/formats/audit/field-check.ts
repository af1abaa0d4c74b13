/**
 * `-F FIELD OP VALUE` and `-C FIELD OP FIELD`, split and checked as libaudit's
 * audit_rule_fieldpair_data and audit_rule_interfield_comp_data do (the operator is the first of
 * `!= >= <= &= = > < &` found, in that order), plus the operators the kernel refuses per field.
 */
import { closeMatches } from '../../engine/close-matches';
import {
  COMPARISON_GROUPS, FIELDS, FILE_TYPES, FS_TYPES, MAX_KEY_LENGTH, MAX_PATH_LENGTH, OPERATOR_CLASS_WORDS, OPERATORS,
  fieldNamed, operatorAllowed, type FieldInfo, type FilterList, type Operator,
} from './fields';
import type { AuditOption } from './getopt';
import { report, type AuditProblem } from './problem';
import { scopeForArch, type SyscallScope } from './syscalls';
import { ERRNO_NAMES, MSG_TYPE_NAMES } from './tables.generated';
import { subWord, type AuditWord } from './words';

export interface AuditField {
  option: AuditOption;
  /** The field as written (`-F AUID>=1000` keeps `AUID`); `info.name` is its canonical name. */
  name: AuditWord;
  operator: AuditWord & { text: Operator };
  value: AuditWord;
  info: FieldInfo;
}

/** What the options before a field decided (auditctl's `_audit_*added` flags and `_audit_elf`). */
export interface FieldState {
  scope: SyscallScope;
  syscallAdded: boolean;
  permAdded: boolean;
  exeAdded: boolean;
  fsAdded: boolean;
}


const ERRNOS = new Set(ERRNO_NAMES);
const MSG_TYPES = new Set(MSG_TYPE_NAMES);
const FIELD_NAMES = FIELDS.map((f) => f.name);

const OPERATOR_CHARS = /[!<>&=]/;

/** The first of `operators` (in their order) that the text holds, and where; one scan when none does. */
function findOperator(text: string, operators: readonly Operator[]): [Operator, number] | [undefined, -1] {
  if (!OPERATOR_CHARS.test(text)) return [undefined, -1];
  for (const candidate of operators) {
    const at = text.indexOf(candidate);
    if (at >= 0) return [candidate, at];
  }
  return [undefined, -1];
}

function split(option: AuditOption, value: AuditWord, operators: readonly Operator[], problems: AuditProblem[]): { name: AuditWord; operator: AuditField['operator']; value: AuditWord } | undefined {
  const flag = `-${option.info.name}`;
  const [op, at] = findOperator(value.text, operators);
  if (op === undefined) {
    report(problems, value, `${flag} '${value.text}' has no operator (${operators.join(' ')})`);
    return undefined;
  }
  const parts = { name: subWord(value, 0, at), operator: subWord(value, at, at + op.length) as AuditField['operator'], value: subWord(value, at + op.length) };
  if (parts.name.text === '') report(problems, parts.operator, `${flag} is missing the field name before '${op}'`);
  else if (parts.value.text === '') report(problems, parts.operator, `${flag} is missing the value after '${op}'`);
  else return parts;
  return undefined;
}

function unknownField(name: AuditWord, flag: string, problems: AuditProblem[]): void {
  const close = closeMatches(name.text, FIELD_NAMES);
  report(problems, name, `${flag} unknown field '${name.text}'${close.length > 0 && close.length <= 3 ? `; did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : ''}`);
}

export function checkField(option: AuditOption, word: AuditWord, list: FilterList | undefined, state: FieldState, problems: AuditProblem[]): AuditField | undefined {
  const parts = split(option, word, OPERATORS, problems);
  if (!parts) return undefined;
  const info = fieldNamed(parts.name.text);
  if (!info) {
    unknownField(parts.name, '-F', problems);
    return undefined;
  }
  const field: AuditField = { option, ...parts, info };
  const op = parts.operator.text;
  if (info.lists && list && !info.lists.includes(list)) {
    report(problems, parts.name, `the ${info.name} field can only be used on the ${info.lists.join(' or ')} list${info.lists.length > 1 ? 's' : ''}, not ${list}`);
  }
  if (!operatorAllowed(info, op)) report(problems, parts.operator, `the ${info.name} field takes ${OPERATOR_CLASS_WORDS[info.operators]}, not '${op}'`);
  checkValue(info, parts.value, state, problems);
  return field;
}

function checkValue(info: FieldInfo, value: AuditWord, state: FieldState, problems: AuditProblem[]): void {
  const text = value.text;
  const expect = (ok: boolean, what: string) => {
    if (!ok) report(problems, value, `the ${info.name} field needs ${what}, not '${text}'`);
  };
  const isNumber = /^\d/.test(text);
  const isSigned = isNumber || /^-\d/.test(text);
  switch (info.value) {
    case 'uid': break; // a number, -1, unset or a user name, resolved on the loading machine
    case 'gid': break;
    case 'number': expect(isNumber, 'a number'); break;
    case 'signed': expect(isSigned, 'a number'); break;
    case 'sessionid': expect(isSigned || text === 'unset', "a number or 'unset'"); break;
    case 'errno': expect(isSigned || ERRNOS.has(text.replace(/^-/, '').toUpperCase()), 'a number or an errno name such as -EACCES'); break;
    case 'msgtype': expect(isNumber || MSG_TYPES.has(text.toUpperCase()), 'a number or a record type such as CWD or AVC'); break;
    case 'filetype': expect((FILE_TYPES as readonly string[]).includes(text.toLowerCase()), `one of ${FILE_TYPES.join(', ')}`); break;
    case 'fstype': expect(isNumber || (FS_TYPES as readonly string[]).includes(text.toLowerCase()), `a number or one of ${FS_TYPES.join(', ')}`); break;
    case 'perm':
      if (text.length > 4) report(problems, value, `permission '${text}' is too long: at most the four letters r, w, x, a`);
      else for (let i = 0; i < text.length; i++) if (!'rwxa'.includes(text[i].toLowerCase())) report(problems, subWord(value, i, i + 1), `permission '${text[i]}' isn't supported: use r, w, x or a`);
      state.permAdded = true;
      break;
    case 'arch': {
      if (state.syscallAdded) report(problems, value, '-F arch= must come before -S: the syscalls were already looked up in the loading machine\'s table');
      const scope = scopeForArch(text);
      if (scope) state.scope = scope;
      else report(problems, value, `unknown arch '${text}': use b64, b32 or a machine name such as x86_64, i386, aarch64`);
      break;
    }
    case 'path':
      if (!text.startsWith('/')) report(problems, value, `the ${info.name} field needs an absolute path, not '${text}'`);
      else if (text.length > MAX_PATH_LENGTH) report(problems, value, 'the path is too long');
      if (info.name === 'exe') state.exeAdded = true;
      else state.permAdded = true;
      break;
    case 'key':
      if (text.length > MAX_KEY_LENGTH) report(problems, value, `the key is longer than ${MAX_KEY_LENGTH} characters`);
      break;
    case 'string':
      if (text.length > MAX_PATH_LENGTH) report(problems, value, 'the value is too long');
      break;
  }
  if (info.name === 'fstype') state.fsAdded = true;
}

const COMPARISON_OPERATORS: readonly Operator[] = ['!=', '='];

export function checkComparison(option: AuditOption, word: AuditWord, list: FilterList | undefined, problems: AuditProblem[]): AuditField | undefined {
  const parts = split(option, word, COMPARISON_OPERATORS, problems);
  if (!parts) return undefined;
  const left = fieldNamed(parts.name.text);
  const right = fieldNamed(parts.value.text);
  if (!left) unknownField(parts.name, '-C', problems);
  if (!right) unknownField(parts.value, '-C', problems);
  if (!left || !right) return undefined;
  const canonical = (name: string) => (name === 'loginuid' ? 'auid' : name);
  const group = COMPARISON_GROUPS.find((g) => g.includes(left.name));
  if (!group || !group.includes(right.name) || canonical(left.name) === canonical(right.name)) {
    report(problems, word, `-C cannot compare ${left.name} with ${right.name}: compare two different fields of auid, uid, euid, suid, fsuid, obj_uid, or of gid, egid, sgid, fsgid, obj_gid`);
  }
  if (list !== 'exit') report(problems, option.flag, '-C can only be used on the exit list, after -a always,exit');
  return { option, ...parts, info: left };
}
