/**
 * The audit rules parser: words split as auditctl splits them, options read as its getopt_long
 * reads them, each option and value with its span, and the exact problem auditctl would refuse a
 * line for, at the offending text. Arbitrary text never throws.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditProblems, parseAudit } from '../../server/src/formats/audit/parse';
import { relocateRule } from '../../server/src/formats/audit/relocate';
import { interpretLine } from '../../server/src/formats/audit/rule';
import { splitRules } from '../../server/src/formats/audit/words';

/** Each problem as `[text under the span, message]`. */
function problems(text: string): [string, string][] {
  return auditProblems(parseAudit('audit.rules', text)).map((p) => [text.slice(p.span.start, p.span.end), p.message]);
}

const only = (text: string) => parseAudit('audit.rules', text).rules[0];
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('audit rules parser: structure', () => {
  it('reads a watch with its path, permissions and key, each with its span', () => {
    const text = '  -w /etc/docker/ -p wa -k docker\n';
    const rule = only(text);
    assert.equal(rule.type, 'watch');
    assert.equal(slice(text, rule.span), '-w /etc/docker/ -p wa -k docker');
    assert.equal(slice(text, rule.path!), '/etc/docker/');
    assert.equal(slice(text, rule.perms!), 'wa');
    assert.deepEqual(rule.keys.map((k) => slice(text, k)), ['docker']);
    assert.deepEqual(rule.problems, []);
  });

  it('reads a syscall rule in either order, with arch, syscalls, fields and keys', () => {
    const text = '-a exit,always -F arch=b64 -S open,openat -S 2 -F auid>=1000 -F key=files -k more';
    const rule = only(text);
    assert.equal(rule.type, 'syscall');
    assert.equal(rule.list, 'exit');
    assert.equal(rule.action, 'always');
    assert.deepEqual(rule.syscalls.map((s) => [slice(text, s.word), s.scope.arch]), [['open', 'b64'], ['openat', 'b64'], ['2', 'b64']]);
    assert.deepEqual(rule.fields.map((f) => [slice(text, f.name), slice(text, f.operator), slice(text, f.value)]), [['arch', '=', 'b64'], ['auid', '>=', '1000']]);
    assert.deepEqual(rule.keys.map((k) => k.text), ['files', 'more']);
    assert.deepEqual(rule.problems, []);
  });

  it('reads clustered and attached options and abbreviated long options as getopt does', () => {
    assert.deepEqual(only('-cD').controls.map((c) => c.name), ['c', 'D']);
    assert.deepEqual(problems('-cD'), []);
    assert.deepEqual(only('-D -k mykey').keys.map((k) => k.text), ['mykey']);
    assert.deepEqual(problems('-D -k mykey'), []);
    // auditctl counts the words of a -D line: a clustered -Dk is refused.
    assert.deepEqual(problems('-Dk mykey'), [['-D', '-D takes nothing with it but -k KEY']]);
    const attached = '-a always,exit -Farch=b32 -Sopen';
    assert.deepEqual(only(attached).syscalls.map((s) => [slice(attached, s.word), s.scope.arch]), [['open', 'b32']]);
    const long = only('--backlog=8192');
    assert.deepEqual(long.controls.map((c) => [c.name, c.value?.text]), [['backlog_wait_time', '8192']]);
  });

  it('keeps escaped spaces and backslashes in a word, with spans of the written text', () => {
    const text = '-w /opt/my\\ dir -k k';
    const rule = only(text);
    assert.equal(rule.path!.text, '/opt/my dir');
    assert.equal(slice(text, rule.path!), '/opt/my\\ dir');
  });

  it('takes comments and blank lines out, and strips a CR before the line break as augenrules does', () => {
    const file = parseAudit('a.rules', '# head\r\n   \r\n  # indented\n-e 2\r\n');
    assert.equal(file.comments.length, 2);
    assert.deepEqual(file.rules.map((r) => [r.type, r.controls[0].value?.text]), [['control', '2']]);
    assert.deepEqual(auditProblems(file), []);
  });
});

describe('audit rules parser: what auditctl refuses, at the text', () => {
  const cases: [string, [string, string][]][] = [
    ['-w etc/docker -p wa', [['etc/docker', "the watch path must be absolute (start with '/'), not 'etc/docker'"]]],
    ['-w /etc/docker -p wz', [['z', "permission 'z' isn't supported: use r (read), w (write), x (execute) or a (attribute change)"]]],
    ['-w /etc/docker -p rwxaw', [['rwxaw', "permission 'rwxaw' is too long: at most the four letters r, w, x, a"]]],
    ['-w /', [['/', 'the kernel refuses a watch on the top-level directory /']]],
    ['-w /etc/*.conf', [['/etc/*.conf', 'wildcards are not supported in a watch: the path is taken literally']]],
    ['-a always,exit -F arch=b64 -S opne', [['opne', "unknown syscall 'opne' for arch b64 (x86_64, aarch64); did you mean 'open'?"]]],
    ['-a always,exit -S opne', [['opne', "unknown syscall 'opne' for any bundled table (x86_64, i386, aarch64, arm); did you mean 'open'?"]]],
    ['-a always,exit -F arch=aarch64 -S open', [['open', "unknown syscall 'open' for arch aarch64 (aarch64)"]]],
    ['-a always,exit -S open -F arch=b64', [['b64', "-F arch= must come before -S: the syscalls were already looked up in the loading machine's table"]]],
    ['-a always,exit -F arch=b64 -S all -F ppid=1 -F auidd=0', [['auidd', "-F unknown field 'auidd'; did you mean 'auid'?"]]],
    ['-a always,exit -F arch!b64', [['arch!b64', "-F 'arch!b64' has no operator (!= >= <= &= = > < &)"]]],
    ['-a always,exit -F auid=', [['=', "-F is missing the value after '='"]]],
    ['-a always,exit -F arch>b64', [['>', "the arch field takes = or !=, not '>'"]]],
    ['-a always,exit -F path=/etc/x -F perm=wq', [['q', "permission 'q' isn't supported: use r, w, x or a"]]],
    ['-a always,exclude -F path=/etc/x', [['path', 'the path field can only be used on the exit list, not exclude']]],
    ['-a always,exit -F msgtype=CWD', [['msgtype', 'the msgtype field can only be used on the exclude or user lists, not exit']]],
    ['-a never,exclude -F msgtype=CDW', [['CDW', "the msgtype field needs a number or a record type such as CWD or AVC, not 'CDW'"]]],
    ['-a always,exit -F exit=-EACESS -S open', [['-EACESS', "the exit field needs a number or an errno name such as -EACCES, not '-EACESS'"]]],
    ['-a always,exit -S open -C uid!=gid', [['uid!=gid', '-C cannot compare uid with gid: compare two different fields of auid, uid, euid, suid, fsuid, obj_uid, or of gid, egid, sgid, fsgid, obj_gid']]],
    ['-a exit', [['exit', "-a takes LIST,ACTION with one comma (e.g. always,exit), not 'exit'"]]],
    ['-a always,entry', [['entry', "the entry list was removed from the kernel (2.6.31): use 'exit'"]]],
    ['-a alway,exit', [['alway', "'alway' is neither a list (task, exit, user, exclude, filesystem, io_uring) nor an action (always, never); did you mean 'always'?"]]],
    ['-a always,task -S open', [['open', 'syscall auditing cannot be put on the task list']]],
    ['-F auid=0 -a always,exit', [['-F', '-F must come after -a, -A or -d (auditctl: list must be given before field)']]],
    ['-a always,exit -k key -S open', [['-k', '-k must come after the watch or syscall rule it names (auditctl: key option needs a watch or syscall given prior to it)']]],
    ['-S open -k x', [['-k', '-k must come after the watch or syscall rule it names (auditctl: key option needs a watch or syscall given prior to it)'], ['open', '-S needs a list to go on: add -a always,exit (auditctl: no list specified)']]],
    ['-a always,exit -S open -A always,exit', [['-A', 'only one -a, -A or -d per rule (auditctl: multiple rule insert/delete operations are not allowed)']]],
    ['-w /etc/docker -k docker # keep', [['#', "auditctl has no end-of-line comments: '#' starts a comment only as a line's first word"], ['keep', "'keep' is neither an option nor an option's value (auditctl: parameter passed without an option given)"]]],
    ['-w /etc/docker -k', [['-k', '-k needs a value (KEY)']]],
    ['-e 3', [['3', "-e must be 0, 1 or 2, not '3'"]]],
    ['-b big', [['big', "-b must be a number, not 'big'"]]],
    ['-D -b 8192', [['-D', '-D takes nothing with it but -k KEY']]],
    ['-x', [['-x', 'unknown option -x']]],
    ['--reset', [['--reset', 'option --reset is ambiguous (--reset-lost, --reset_backlog_wait_time_actual)']]],
    ['-R /etc/audit/other.rules', [['-R', '-R cannot be used inside a rules file (nested rule files are not supported)']]],
    ['\t-w /etc/docker', [['\t-w', "'\t-w' is neither an option nor an option's value (auditctl: parameter passed without an option given)"], ['/etc/docker', "'/etc/docker' is neither an option nor an option's value (auditctl: parameter passed without an option given)"]]],
  ];
  for (const [line, expected] of cases) {
    it(JSON.stringify(line), () => assert.deepEqual(problems(line), expected));
  }

  it('accepts what auditctl accepts', () => {
    for (const line of [
      '-D', '-b 8192', '-f 1', '-e 2', '-r 0', '--backlog_wait_time 60000', '--loginuid-immutable', '--reset-lost', '-i', '-c',
      '-a never,exclude -F msgtype=CWD', '-a always,exclude -F msgtype=AVC',
      '-a always,exit -F arch=b32 -S 11 -F exit=-EPERM -F auid!=unset -F auid!=4294967295 -k x',
      '-a always,exit -F path=/usr/bin/dockerd -F perm=x -F auid>=1000 -k docker',
      '-a always,exit -F dir=/var/lib/docker/ -F perm=wa -k docker',
      '-a always,exit -F arch=b64 -S execve -C uid!=euid -F euid=0 -k setuid',
      '-a never,filesystem -F fstype=tracefs',
      '-A exit,never -F arch=b64 -S all -F exe=/usr/sbin/chronyd',
      '-W /etc/docker -p wa -k docker',
    ]) assert.deepEqual(problems(line), [], line);
  });
});

describe('audit rules parser across edits', () => {
  it('reuses the rules of the lines before an edit and moves the ones after it', () => {
    const before = parseAudit('reuse.rules', '-w /etc/a -k a\n-w /etc/b -k b\n-w /etc/c -p wz -k c\n');
    const after = parseAudit('reuse.rules', '-w /etc/a -k a\n-w /etc/bb -k b\n-w /etc/c -p wz -k c\n');
    assert.equal(after.rules[0], before.rules[0]);
    const moved = after.rules[2];
    assert.deepEqual(moved.path, { text: '/etc/c', start: 34, end: 40 });
    assert.deepEqual(moved.problems.map((p) => p.span), [{ start: 45, end: 46 }]);
    assert.equal(moved.path, moved.options[0].value, 'a watch path stays its -w value');
  });

  it('moves a rule to exactly what reading it at the new place gives', () => {
    const line = fc.array(fc.constantFrom('-a', 'always,exit', '-F', 'arch=b64', 'auid>=1000', 'path=/x', 'key=k', '-S', 'open,opne', '-C', 'uid!=euid', '-w', '/etc/my\\ dir', '-p', 'wz', '-k', 'docker', '-D', '-e', '2', '--backlog=9', 'stray'), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    fc.assert(fc.property(line, fc.nat(50), fc.nat(50), (text, a, b) => {
      const at = (pad: number) => interpretLine(splitRules(`${'#'.repeat(pad)}\n${text}`).lines[0]);
      const moved = relocateRule(at(a), b - a);
      assert.deepEqual(moved, at(b));
      if (moved.path) assert.ok(moved.options.some((o) => o.value === moved.path));
      for (const f of moved.fields) assert.ok(moved.options.includes(f.option));
    }), { numRuns: 300 });
  });

  it('gives the same model as a first parse, whatever was parsed before', () => {
    const lines = fc.array(fc.constantFrom('-w /etc/docker -p wa -k d', '-a always,exit -F arch=b64 -S open -k o', '# c', '', '-e 2', '-w x', '  -D'), { maxLength: 8 });
    let run = 0;
    fc.assert(fc.property(lines, lines, (a, b) => {
      parseAudit('edited.rules', a.join('\n'));
      const reused = parseAudit('edited.rules', b.join('\n'));
      const fresh = parseAudit(`never-parsed-${run++}.rules`, b.join('\n'));
      assert.deepEqual([reused.rules, reused.comments], [fresh.rules, fresh.comments]);
    }), { numRuns: 200 });
  });
});

describe('audit rules parser on arbitrary text', () => {
  it('never throws and keeps every span inside the text', () => {
    const pieces = fc.constantFrom('-a', '-w', '-F', '-S', '-k', '-p', '-e', '-D', '--', '--b', 'always,exit', 'arch=b64', '=', '!=', ',', '/', '\\', '\\ ', ' ', '\t', '\n', '\r', '#', 'open', 'x');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const file = parseAudit('fuzz.rules', text);
      for (const p of auditProblems(file)) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
    }), { numRuns: 500 });
  });
});
