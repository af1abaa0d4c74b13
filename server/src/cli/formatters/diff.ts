/**
 * `--diff`: the unified diff (`diff -u`, three lines of context) of what `--fix` or `--fix-unsafe`
 * would write, as ruff's `--diff` prints it; `patch -p1` applies it. Lines are compared whole, by a
 * longest-common-subsequence table: configuration files are small.
 */
export interface FileChange {
  /** As the report names the file (relative to the working directory). */
  file: string;
  /** Undefined for a file the fix creates. */
  before?: string;
  after: string;
}

const CONTEXT = 3;

export function formatDiff(changes: readonly FileChange[]): string {
  return changes.map((change) => unifiedDiff(change)).join('');
}

type Op = { kind: ' ' | '-' | '+'; line: string; old: number; new: number };

function unifiedDiff({ file, before, after }: FileChange): string {
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const header = `--- ${before === undefined ? '/dev/null' : `a/${file}`}\n+++ b/${file}\n`;
  let out = '';
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from CONTEXT lines before the change to CONTEXT lines after the last change near it.
    let start = i;
    while (start > 0 && i - start < CONTEXT && ops[start - 1].kind === ' ') start--;
    let end = i;
    for (let quiet = 0; end < ops.length && quiet <= 2 * CONTEXT; end++) quiet = ops[end].kind === ' ' ? quiet + 1 : 0;
    while (end > i && ops[end - 1].kind === ' ' && trailingContext(ops, end) > CONTEXT) end--;
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].old : hunk[0].old + 1;
    const newStart = newCount === 0 ? hunk[0].new : hunk[0].new + 1;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    for (const op of hunk) out += `${op.kind}${op.line.replace(/\r?\n$/, '')}\n${op.line.endsWith('\n') ? '' : '\\ No newline at end of file\n'}`;
    i = end;
  }
  return out === '' ? '' : header + out;
}

/** How many context lines run back from `end` to the last change. */
function trailingContext(ops: readonly Op[], end: number): number {
  let n = 0;
  while (end - 1 - n >= 0 && ops[end - 1 - n].kind === ' ') n++;
  return n;
}

/** Lines with their line breaks, so a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: string[], b: string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i], old: i++, new: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i], old: i++, new: j });
    else ops.push({ kind: '+', line: b[j], old: i, new: j++ });
  }
  return ops;
}
