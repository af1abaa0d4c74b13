// A second LSP client: Debian's Neovim 0.7 (push diagnostics only), headless, runs the bundled server
// over stdio on each case's file (test/e2e/nvim/init.lua). Its diagnostics must be the CLI's findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASES } from './cases.mjs';
import { cliFindings } from './lib/expected.ts';

const REPO = resolve(import.meta.dirname, '../..');
const OUTPUT = join(REPO, 'test-output', 'e2e', 'neovim');
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info' };

rmSync(OUTPUT, { recursive: true, force: true });

for (const kase of CASES) {
  test(`Neovim: the server pushes exactly the CLI's findings for ${kase.kind} (${kase.file})`, () => {
    const dir = join(OUTPUT, kase.kind.replace(/[^\w.-]+/g, '-'));
    const workspace = join(dir, 'workspace');
    cpSync(join(REPO, kase.workspace), workspace, { recursive: true });
    mkdirSync(dir, { recursive: true });
    const out = join(dir, 'diagnostics.json');
    const nvim = spawnSync('nvim', ['--headless', '--noplugin', '-i', 'NONE', '-u', join(import.meta.dirname, 'nvim', 'init.lua'), kase.file], {
      cwd: workspace, encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, DOCKGUARD_SERVER: join(REPO, 'dist', 'server.js'), DOCKGUARD_OUT: out },
    });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(nvim.status, 0, `Neovim failed: ${result.error ?? nvim.stderr} (output: ${out})`);

    const shown = result.diagnostics.map((d) => ({
      line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      rule: d.code, severity: SEVERITY[d.severity], message: d.message, source: d.source,
    }));
    const expected = cliFindings(workspace, kase.file).map((f) => ({
      line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, rule: f.rule, severity: f.severity, message: f.message, source: 'dockguard',
    }));
    const order = (a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
    assert.ok(expected.length > 0, 'the case file must have findings');
    assert.deepEqual(shown.sort(order), expected.sort(order));
  });
}
