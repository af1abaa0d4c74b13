/**
 * The repository itself: no committed file keeps a merge's conflict markers (one once sat in
 * BENCHMARKS.md unnoticed, since no test reads that file).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const REPO = join(__dirname, '../..');
const CONFLICT_MARKER = /^(<{7}|>{7}) |^={7}$/m;

test('no tracked text file holds a merge conflict marker', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
  const marked = files.filter((file) => {
    let text: string;
    try {
      text = readFileSync(join(REPO, file), 'utf8');
    } catch {
      return false; // a file deleted in the work tree and not yet committed
    }
    return !text.includes('\0') && CONFLICT_MARKER.test(text);
  });
  assert.deepEqual(marked, []);
});
