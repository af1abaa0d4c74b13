/** The benchmark's generated workspace (bench/workspace.ts) is the same bytes every time, with the counts issue 10 §8 names. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { kindOfPath as kindIn } from '../../server/src/engine/kind';
import { REGISTRY } from '../../server/src/registry';
import { relevantFiles, totalFiles, workspaceFiles } from '../../bench/workspace';

const kindOfPath = (path: string) => kindIn(REGISTRY.kinds, path);

function digest(scale: number): string {
  const hash = createHash('sha256');
  for (const file of workspaceFiles(scale)) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest('hex');
}

test('the generated workspace is deterministic', () => {
  assert.equal(digest(1), digest(1));
  assert.notEqual(digest(1), digest(2));
});

test('per 1× of scale: 10,000 files, 1,000 of them linted, 5,000 in node_modules; no path twice', () => {
  for (const scale of [1, 2]) {
    const files = [...workspaceFiles(scale)];
    const outside = files.filter((f) => !f.path.startsWith('node_modules/'));
    assert.equal(files.length, totalFiles(scale));
    assert.equal(new Set(files.map((f) => f.path)).size, files.length);
    assert.equal(files.length - outside.length, 5_000 * scale);
    assert.equal(outside.filter((f) => kindOfPath(f.path)).length, relevantFiles(scale));
    assert.ok(files.some((f) => f.path.startsWith('node_modules/') && kindOfPath(f.path)), 'node_modules holds files a walk that does not skip it would lint');
  }
});
