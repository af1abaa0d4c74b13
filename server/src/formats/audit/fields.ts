/**
 * The `-F` fields auditctl knows (lib/fieldtab.h), what each value must look like, the lists it may
 * be used on and the operators the kernel accepts for it (audit_rule_fieldpair_data in libaudit.c,
 * audit_field_valid in the kernel's auditfilter.c). One table serves the parser, hover and completion.
 */

/** The filter lists of `-a LIST,ACTION`. */
export const FILTER_LISTS = ['task', 'exit', 'user', 'exclude', 'filesystem', 'io_uring'] as const;
export type FilterList = (typeof FILTER_LISTS)[number];

export const LIST_DESCRIPTIONS: Record<FilterList, string> = {
  task: 'checked when a task is created (fork, clone): only fields known then, such as uid and gid',
  exit: 'checked when a system call exits: the list for syscall rules and file watches',
  user: 'filters events that come from user space',
  exclude: 'drops events of a record type (msgtype) or process: the action is ignored',
  filesystem: 'applies to a whole filesystem named by fstype (e.g. to drop tracefs events)',
  io_uring: 'checked for io_uring operations (-S names io_uring ops, not syscalls)',
};

export const ACTIONS = ['always', 'never'] as const;
export const ACTION_DESCRIPTIONS: Record<(typeof ACTIONS)[number], string> = {
  always: 'write an audit record when the rule matches',
  never: 'write no record: a suppression, best placed before the rules it exempts from',
};

/** The operators, in the order auditctl searches a `-F` pair for them (two-character ones first). */
export const OPERATORS = ['!=', '>=', '<=', '&=', '=', '>', '<', '&'] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATOR_DESCRIPTIONS: Record<Operator, string> = {
  '=': 'equal',
  '!=': 'not equal',
  '<': 'less than',
  '>': 'greater than',
  '<=': 'less than or equal',
  '>=': 'greater than or equal',
  '&': 'bit mask: the bits are set',
  '&=': 'bit test: the masked value equals the value',
};

/**
 * How a value is read: `uid`/`gid` a number or a name (resolved on the loading machine), `signed` a
 * number that may be negative, `number` digits, `string` any text, `path` an absolute path.
 */
export type ValueKind = 'uid' | 'gid' | 'signed' | 'number' | 'string' | 'path' | 'arch' | 'perm' | 'errno' | 'msgtype' | 'filetype' | 'fstype' | 'sessionid' | 'key';

/** Which operators the kernel accepts: every one, all but the bit operators, or only `=` and `!=`. */
export type OperatorClass = 'all' | 'no-bit' | 'equality' | 'equal';

export interface FieldInfo {
  name: string;
  value: ValueKind;
  operators: OperatorClass;
  /** The lists the field may be used on; absent = any. */
  lists?: readonly FilterList[];
  description: string;
}

const EXIT: readonly FilterList[] = ['exit'];
const field = (name: string, value: ValueKind, operators: OperatorClass, description: string, lists?: readonly FilterList[]): FieldInfo => ({ name, value, operators, lists, description });

export const FIELDS: readonly FieldInfo[] = [
  field('a0', 'signed', 'all', 'The first argument of the syscall (numbers only: a string argument is a pointer).'),
  field('a1', 'signed', 'all', 'The second argument of the syscall.'),
  field('a2', 'signed', 'all', 'The third argument of the syscall.'),
  field('a3', 'signed', 'all', 'The fourth argument of the syscall.'),
  field('arch', 'arch', 'equality', 'The CPU architecture of the syscall: `b64`, `b32` or a machine name (`uname -m`). Must come before `-S`: it picks the table the syscall names are looked up in.'),
  field('auid', 'uid', 'no-bit', 'The login user ID (audit uid): the user who logged in, kept across su and sudo. `unset` (or -1, 4294967295) for processes started before any login.'),
  field('devmajor', 'number', 'no-bit', 'The device major number.', EXIT),
  field('devminor', 'number', 'all', 'The device minor number.', EXIT),
  field('dir', 'path', 'equal', 'A directory to watch, recursively with its whole subtree (as `-w` on a directory).', EXIT),
  field('egid', 'gid', 'no-bit', 'The effective group ID (number or group name).'),
  field('euid', 'uid', 'no-bit', 'The effective user ID (number or user name).'),
  field('exe', 'path', 'equality', 'The absolute path of the program the rule applies to (once per rule).'),
  field('exit', 'errno', 'no-bit', 'The exit value of the syscall: a number or an errno name such as `-EACCES`.', EXIT),
  field('field_compare', 'number', 'equality', 'An inter-field comparison (written with `-C`).'),
  field('filetype', 'filetype', 'equality', "The target file's type: file, dir, socket, link, character, block or fifo.", EXIT),
  field('fsgid', 'gid', 'no-bit', 'The filesystem group ID.'),
  field('fstype', 'fstype', 'equality', 'The filesystem type (a number or tracefs, debugfs, cgroup, cgroup2), on the filesystem list.', ['filesystem']),
  field('fsuid', 'uid', 'no-bit', 'The filesystem user ID.'),
  field('gid', 'gid', 'no-bit', 'The group ID (number or group name).'),
  field('inode', 'number', 'equality', 'The inode number.', EXIT),
  field('key', 'key', 'equality', 'The filter key (the same as `-k`).'),
  field('loginuid', 'uid', 'no-bit', 'The login user ID (another name for auid).'),
  field('msgtype', 'msgtype', 'no-bit', 'The record type of the event (e.g. CWD, AVC), on the exclude or user list.', ['exclude', 'user']),
  field('obj_gid', 'gid', 'no-bit', "The object's group ID."),
  field('obj_lev_high', 'string', 'no-bit', "The resource's SELinux high level.", EXIT),
  field('obj_lev_low', 'string', 'no-bit', "The resource's SELinux low level.", EXIT),
  field('obj_role', 'string', 'equality', "The resource's SELinux role.", EXIT),
  field('obj_type', 'string', 'equality', "The resource's SELinux type.", EXIT),
  field('obj_uid', 'uid', 'no-bit', "The object's user ID."),
  field('obj_user', 'string', 'equality', "The resource's SELinux user.", EXIT),
  field('path', 'path', 'equal', 'A file to watch (as `-w` on a file).', EXIT),
  field('perm', 'perm', 'equal', 'The kinds of file access to match: r (read), w (write), x (execute), a (attribute change).', ['exit', 'exclude']),
  field('pers', 'number', 'all', 'The OS personality number.'),
  field('pid', 'number', 'no-bit', 'The process ID.'),
  field('ppid', 'number', 'no-bit', "The parent's process ID.", EXIT),
  field('saddr_fam', 'number', 'no-bit', 'The address family of a socket address (2 IPv4, 10 IPv6).'),
  field('sessionid', 'sessionid', 'no-bit', "The user's login session ID (`unset` for none).", ['exclude', 'user', 'exit']),
  field('sgid', 'gid', 'no-bit', 'The saved group ID.'),
  field('subj_clr', 'string', 'no-bit', "The program's SELinux clearance."),
  field('subj_role', 'string', 'equality', "The program's SELinux role."),
  field('subj_sen', 'string', 'no-bit', "The program's SELinux sensitivity."),
  field('subj_type', 'string', 'equality', "The program's SELinux type."),
  field('subj_user', 'string', 'equality', "The program's SELinux user."),
  field('success', 'number', 'no-bit', 'Whether the syscall succeeded: 1 (exit value >= 0) or 0.', EXIT),
  field('suid', 'uid', 'no-bit', 'The saved user ID.'),
  field('uid', 'uid', 'no-bit', 'The user ID (number or user name).'),
];

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

/** auditctl looks field names up case-insensitively. */
export function fieldNamed(name: string): FieldInfo | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function operatorAllowed(info: FieldInfo, operator: Operator): boolean {
  switch (info.operators) {
    case 'all': return true;
    case 'no-bit': return operator !== '&' && operator !== '&=';
    case 'equality': return operator === '=' || operator === '!=';
    case 'equal': return operator === '=';
  }
}

export const OPERATOR_CLASS_WORDS: Record<OperatorClass, string> = {
  'all': 'every operator',
  'no-bit': '=, !=, <, >, <= or >=',
  'equality': '= or !=',
  'equal': 'only =',
};

/** The two groups `-C` compares within (the uid group and the gid group cannot be mixed). */
export const COMPARISON_GROUPS: readonly (readonly string[])[] = [
  ['auid', 'loginuid', 'uid', 'euid', 'suid', 'fsuid', 'obj_uid'],
  ['gid', 'egid', 'sgid', 'fsgid', 'obj_gid'],
];

export const FILE_TYPES = ['file', 'dir', 'socket', 'link', 'character', 'block', 'fifo'] as const;
export const FS_TYPES = ['tracefs', 'debugfs', 'cgroup', 'cgroup2'] as const;

/** The longest key auditctl accepts (AUDIT_MAX_KEY_LEN), all `-k` of a rule joined by one byte. */
export const MAX_KEY_LENGTH = 256;
/** PATH_MAX and NAME_MAX: the longest path and file name a watch may have. */
export const MAX_PATH_LENGTH = 4096;
export const MAX_NAME_LENGTH = 255;
