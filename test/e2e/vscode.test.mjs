// The packaged .vsix in the real VS Code workbench (code-server 4.100.3 = VS Code 1.100), driven
// through headless Chromium as a person would. Run by `npm run test:e2e` (test/e2e/run.mjs), which
// builds the .vsix and passes its path in DOCKGUARD_E2E_VSIX.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASES } from './cases.mjs';
import { startCodeServer } from './lib/code-server.mjs';
import { squiggleKey, WorkbenchPage } from './lib/workbench-page.mjs';
import { ensureEditorTools } from './setup.mjs';
import { execFileSync } from 'node:child_process';
import { cliFindings, cliFixAll, expectedFix } from './lib/expected.ts';
import { buildRoot, dpkgStatus } from '../host/roots.ts';

const REPO = resolve(import.meta.dirname, '../..');
const OUTPUT = join(REPO, 'test-output', 'e2e', 'vscode');
const IMAGES = join(REPO, 'docs', 'images');
const TAKE_SCREENSHOTS = process.env.DOCKGUARD_E2E_SCREENSHOTS === '1';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let codeServer;
let browser;

before(async () => {
  const vsix = process.env.DOCKGUARD_E2E_VSIX;
  if (!vsix) throw new Error('DOCKGUARD_E2E_VSIX must name the .vsix to test; run `npm run test:e2e`');
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const tools = ensureEditorTools();
  codeServer = await startCodeServer({ codeServerBin: tools.codeServerBin, vsixPath: vsix, root: join(OUTPUT, 'code-server') });
  const { chromium } = await import(tools.playwrightModule);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
});

after(async () => {
  await browser?.close();
  await codeServer?.stop();
});

/** A fresh copy of the case's workspace for one scenario (with workspace settings when given). */
function workspaceFor(kase, scenario, settings) {
  const dir = join(OUTPUT, `${kase.kind}-${scenario}`.replace(/[^\w.-]+/g, '-'), 'workspace');
  cpSync(join(REPO, kase.workspace), dir, { recursive: true });
  if (settings) {
    mkdirSync(join(dir, '.vscode'), { recursive: true });
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return dir;
}

/** Opens the workspace in a new window and answers the trust dialog. */
async function openWorkspace(workspace, trust) {
  const failures = join(workspace, '..');
  const logs = [codeServer.logPath, codeServer.userLogsDir];
  const workbench = await WorkbenchPage.open(browser, `${codeServer.baseUrl}/?folder=${encodeURIComponent(workspace)}`, failures, logs);
  await workbench.answerTrustDialog(trust);
  return workbench;
}

/**
 * Opens the workspace in a new window, answers the trust dialog, opens the case's file and waits for
 * its first squiggle (`activationMs` after opening it) and for the other language server of its kind.
 */
async function openCase(kase, workspace, { trust = true } = {}) {
  const workbench = await openWorkspace(workspace, trust);
  const opened = performance.now();
  await workbench.openFile(kase.file);
  await workbench.expect(workbench.page.locator('.monaco-editor.focused [class*="squiggly-"]'), 'the first squiggle');
  const activationMs = Math.round(performance.now() - opened);
  if (kase.otherLanguageServer) {
    const { cursorOn, breadcrumb } = kase.otherLanguageServer;
    const lines = readFileSync(join(workspace, kase.file), 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes(cursorOn));
    await workbench.clickAt(line + 1, lines[line].indexOf(cursorOn) + 2);
    await workbench.expectBreadcrumb(breadcrumb);
  }
  return { workbench, activationMs };
}

/** The squiggles the CLI's findings make: severity, line and the text under each (first line only). */
function expectedSquiggles(text, findings) {
  const lines = text.split(/\r?\n/);
  return new Set(findings.map((f) => {
    const line = lines[f.line - 1];
    const end = f.endLine === f.line ? f.endColumn - 1 : line.length;
    return squiggleKey({ severity: f.severity, line: f.line, text: line.slice(f.column - 1, end) });
  }));
}

/** The Problems panel's dockguard rows for one file, as comparable lines. */
function problemsOf(rows, path) {
  return rows.filter((row) => row.file === path && row.source === 'dockguard')
    .map((r) => `${r.severity} ${r.code} ${r.position} ${r.message}`).sort();
}

/** The lines the Problems panel should show for the CLI's findings. */
function problemLines(findings) {
  return findings.map((f) => `${f.severity} ${f.rule} [Ln ${f.line}, Col ${f.column}] ${f.message}`).sort();
}

/** What the CLI finds in `file` once `text` replaces it (in a scratch copy of the workspace). */
function findingsAfter(kase, scenario, text) {
  const dir = workspaceFor(kase, `${scenario}-expected`);
  writeFileSync(join(dir, kase.file), text);
  return cliFindings(dir, kase.file);
}

/** The file's text once it equals `expected`, or its last text after `timeoutMs`. */
async function fileTextOnceEqual(path, expected, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  let text = readFileSync(path, 'utf8');
  while (text !== expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = readFileSync(path, 'utf8');
  }
  return text;
}

async function screenshot(kase, workbench, name) {
  if (TAKE_SCREENSHOTS && kase.screenshots) await workbench.screenshot(join(IMAGES, `${name}.png`));
}

/**
 * Opens the workspace and no file: the extension starts for the workspace (workspaceContains) and
 * scans it. Waits until Problems lists the CLI's findings for `file`; returns the workbench.
 */
async function expectScanned(workspace, file) {
  const findings = cliFindings(workspace, file);
  assert.ok(findings.length > 0, `${file} must have findings`);
  const workbench = await openWorkspace(workspace, true);
  const rows = await workbench.problems(findings.length, `**/${file}`);
  assert.equal(await workbench.page.locator('.editor-instance .monaco-editor').count(), 0, 'no file was opened');
  assert.deepEqual(problemsOf(rows, join(workspace, file)), problemLines(findings));
  return workbench;
}

// No case opens the socket unit: its findings reach Problems from the workspace scan alone.
const UNOPENED = { kind: 'docker.socket', workspace: 'examples/insecure-host', file: 'lib/systemd/system/docker.socket' };

describe('VS Code: the workspace scan', () => {
  test(`lists the findings of a file no scenario opens (${UNOPENED.file})`, async () => {
    const workbench = await expectScanned(workspaceFor(UNOPENED, 'unopened'), UNOPENED.file);
    await workbench.page.close();
  });
});

describe('Chromium: the host report (dockguard host --format html)', () => {
  test('renders self-contained, its summary counts what its findings and checks list, most severe first', async () => {
    // A host with a world-writable daemon.json, an oversized docker group and an engine line past its end.
    const root = buildRoot({
      files: { 'etc/group': 'root:x:0:\ndocker:x:999:bob,carol,dave\n', 'var/lib/dpkg/status': dpkgStatus({ 'docker-ce': '5:24.0.9-1~debian.12~bookworm' }) },
      modes: { 'etc/docker/daemon.json': 0o666 },
    });
    const host = (format) => execFileSync(process.execPath, [join(REPO, 'dist/cli.js'), 'host', '--root', root, '--format', format, '--fail-on', 'never'], {
      encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) },
    });
    const findings = JSON.parse(host('json')).findings;
    assert.ok(findings.length >= 3, 'the fixture host has findings');
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(host('html'), { waitUntil: 'load' });
    const shown = await page.evaluate(() => ({
      counts: { ...document.querySelector('#counts').dataset },
      findings: [...document.querySelectorAll('li.finding')].map((li) => ({ rule: li.dataset.rule, severity: li.classList[1], visible: li.getBoundingClientRect().height > 0 })),
      failed: [...document.querySelectorAll('tr[data-rule]')].filter((tr) => tr.lastElementChild.textContent === 'fail').map((tr) => tr.dataset.rule),
      sections: [...document.querySelectorAll('tr[data-section]')].map((tr) => Number(tr.querySelector('[data-status="fail"]').textContent)),
      overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    const count = (severity) => String(findings.filter((f) => f.severity === severity).length);
    assert.deepEqual(shown.counts, { error: count('error'), warning: count('warning'), info: count('info') });
    const order = ['error', 'warning', 'info'];
    assert.deepEqual(shown.findings.map((f) => `${f.severity} ${f.rule}`), [...findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)).map((f) => `${f.severity} ${f.rule}`));
    assert.ok(shown.findings.every((f) => f.visible), 'every finding is rendered');
    assert.deepEqual(shown.failed.sort(), [...new Set(findings.map((f) => f.rule))].filter((rule) => /^DG5/.test(rule)).sort(), 'the checks that fail are the host rules that report');
    assert.equal(shown.sections.reduce((a, b) => a + b, 0), shown.failed.length, 'the sections count every failed check');
    assert.equal(shown.overflows, false, 'no horizontal scrolling at 1100 px');
    assert.deepEqual(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:')), [], 'the report loads nothing');
    await page.screenshot({ path: join(OUTPUT, 'host-report.png'), fullPage: true });
    await page.close();
    rmSync(root, { recursive: true, force: true });
  });
});

for (const kase of CASES) {
  describe(`VS Code: ${kase.kind} (${kase.file})`, () => {
    test('squiggles and the Problems panel show exactly what the CLI finds', async (t) => {
      const workspace = workspaceFor(kase, 'problems');
      const findings = cliFindings(workspace, kase.file);
      assert.ok(findings.length > 0, 'the case file must have findings');
      const text = readFileSync(join(workspace, kase.file), 'utf8');
      const { workbench, activationMs } = await openCase(kase, workspace);
      t.diagnostic(`activation cost: ${activationMs} ms from opening ${kase.file} to the first squiggle`);
      await workbench.expectLanguageMode(kase.language);
      await workbench.expectSquiggles(expectedSquiggles(text, findings));

      const rows = await workbench.problems(findings.length, `**/${kase.file}`);
      assert.deepEqual(problemsOf(rows, join(workspace, kase.file)), problemLines(findings));
      await workbench.page.close();
    });

    test('the workspace scan lists the file\'s findings in Problems before it is opened, and the status bar counts them', async () => {
      const workspace = workspaceFor(kase, 'workspace-scan');
      const everyFinding = cliFindings(workspace);
      assert.ok(everyFinding.some((f) => f.file !== kase.file), 'the workspace has findings in other files too');
      const workbench = await expectScanned(workspace, kase.file);
      // The status-bar item counts the workspace's errors and warnings (its icons render as empty spans).
      const count = (severity) => everyFinding.filter((f) => f.severity === severity).length;
      await workbench.expect(workbench.page.locator('.statusbar-item', { hasText: `dockguard ${count('error')} ${count('warning')}` }), 'the status-bar counts');
      await screenshot(kase, workbench, 'problems');
      await workbench.page.close();
    });

    test('hovering a key shows the finding and the key\'s documentation', { skip: !kase.hover }, async () => {
      const workspace = workspaceFor(kase, 'hover');
      const lines = readFileSync(join(workspace, kase.file), 'utf8').split(/\r?\n/);
      const line = lines.findIndex((l) => l.includes(kase.hover.text)) + 1;
      const column = lines[line - 1].indexOf(kase.hover.text) + 2;
      // The rule may report elsewhere too; the hover shows the finding on the hovered text.
      const findings = cliFindings(workspace, kase.file);
      const finding = findings.find((f) => f.rule === kase.hover.rule && f.line === line);
      assert.ok(finding, `the case file must have a ${kase.hover.rule} finding on line ${line}`);
      const { workbench } = await openCase(kase, workspace);
      await workbench.expectSquiggles(expectedSquiggles(lines.join('\n'), findings));
      const hover = await workbench.hover(line, column, finding.message, kase.hover.shows);
      for (const fact of kase.hover.shows) assert.ok(hover.includes(fact), `the hover should say "${fact}":\n${hover}`);
      await screenshot(kase, workbench, 'hover');
      await workbench.page.close();
    });

    test('Ctrl+. offers the rule\'s fix by its title, and choosing it fixes the text', { skip: !kase.quickFix }, async () => {
      const workspace = workspaceFor(kase, 'quick-fix');
      const findings = cliFindings(workspace, kase.file);
      const finding = findings.find((f) => f.rule === kase.quickFix.rule);
      assert.ok(finding, `the case file must have a ${kase.quickFix.rule} finding`);
      const fix = expectedFix(workspace, kase.file, kase.quickFix.rule, kase.quickFix.title);
      const text = readFileSync(join(workspace, kase.file), 'utf8');
      const { workbench } = await openCase(kase, workspace);
      await workbench.expectSquiggles(expectedSquiggles(text, findings));
      await workbench.clickAt(finding.line, finding.column + 1);
      const titles = await workbench.openQuickFixMenu(fix.title);
      assert.ok(titles.includes(fix.title), `the menu lists ${JSON.stringify(titles)}`);
      await screenshot(kase, workbench, 'quick-fix');
      await workbench.chooseAction(fix.title);
      await workbench.expectSquiggles(expectedSquiggles(fix.text, findingsAfter(kase, 'quick-fix', fix.text)));
      assert.equal(await workbench.editorText(), fix.text);
      await workbench.page.close();
    });

    test('saving with source.fixAll.dockguard on save applies the safe fixes the CLI\'s --fix applies', async () => {
      const settings = { 'editor.codeActionsOnSave': { 'source.fixAll.dockguard': 'explicit' } };
      const workspace = workspaceFor(kase, 'fix-all-on-save', settings);
      const before = readFileSync(join(workspace, kase.file), 'utf8');
      const expectedDir = workspaceFor(kase, 'fix-all-on-save-expected');
      cliFixAll(expectedDir);
      const fixed = readFileSync(join(expectedDir, kase.file), 'utf8');
      assert.notEqual(fixed, before, 'the case file must have safe fixes');
      const { workbench } = await openCase(kase, workspace);
      await workbench.expectSquiggles(expectedSquiggles(before, cliFindings(workspace, kase.file)));
      // Into the text first, as a person would: Ctrl+S then saves this editor whatever took the focus meanwhile.
      await workbench.clickAt(1, 1);
      await workbench.page.keyboard.press('Control+S');
      await workbench.expectSquiggles(expectedSquiggles(fixed, cliFindings(expectedDir, kase.file)));
      await workbench.expect(workbench.page.locator('.tab.active.dirty'), 'the saved tab', { state: 'detached' });
      assert.equal(await workbench.editorText(), fixed);
      // The tab is clean once the save is under way; the remote file system's write may land a moment later.
      assert.equal(await fileTextOnceEqual(join(workspace, kase.file), fixed), fixed);
      await workbench.page.close();
    });

    test('completion offers keys with their documentation', { skip: !kase.completion }, async () => {
      const workspace = workspaceFor(kase, 'completion');
      const after = readFileSync(join(workspace, kase.file), 'utf8').split(/\r?\n/).findIndex((l) => l.includes(kase.completion.after)) + 1;
      assert.ok(after > 0, `the case file must have a line holding ${JSON.stringify(kase.completion.after)}`);
      const { workbench } = await openCase(kase, workspace);
      const { page } = workbench;
      await workbench.clickAt(after, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(kase.completion.typed);
      // Close whatever typing opened, then ask for suggestions the way a person does.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: kase.completion.label });
      await workbench.expect(item, `"${kase.completion.label}" among the suggestions`);
      const details = page.locator('.suggest-details-container .suggest-details');
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await workbench.expect(details.filter({ hasText: kase.completion.shows[0] }), 'the suggestion\'s documentation');
      const documentation = await details.innerText();
      for (const fact of kase.completion.shows) assert.ok(documentation.includes(fact), `the documentation should say "${fact}":\n${documentation}`);
      await page.keyboard.press('Enter');
      if (kase.completion.choose) {
        // The inserted value is a snippet choice: the editor lists the choices at once, and a person picks one.
        await workbench.expect(page.locator('.suggest-widget .monaco-list-row', { hasText: kase.completion.choose }), 'the value choices');
        await page.keyboard.press('Enter');
      }
      await workbench.expect(page.locator('.suggest-widget'), 'the suggestions to close', { state: 'hidden' });
      const typedLine = (await workbench.editorText()).split('\n')[after];
      assert.match(typedLine, kase.completion.accepted, 'accepting the suggestion replaces what was typed');
      await workbench.page.close();
    });

    test('restricted mode (an untrusted workspace) still shows the findings', async () => {
      const workspace = workspaceFor(kase, 'restricted');
      const text = readFileSync(join(workspace, kase.file), 'utf8');
      const { workbench } = await openCase(kase, workspace, { trust: false });
      await workbench.expect(workbench.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }), 'the Restricted Mode indicator');
      await workbench.expectSquiggles(expectedSquiggles(text, cliFindings(workspace, kase.file)));
      await workbench.page.close();
    });
  });
}
