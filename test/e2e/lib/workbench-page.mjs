// A VS Code workbench page driven as a person would: keyboard shortcuts, the mouse over a word, and
// reading what is on screen (squiggles, the Problems panel, hovers, menus). Every wait is on a
// selector with a timeout; a timeout fails with a screenshot and the server logs' paths.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_TIMEOUT_MS = 20_000;

export class WorkbenchPage {
  /**
   * @param page a playwright-core Page showing the workbench
   * @param failureDir where a failed wait leaves its screenshot
   * @param logPaths the code-server log and the workbench's logs folder, printed on failure
   */
  constructor(page, failureDir, logPaths) {
    this.page = page;
    this.failureDir = failureDir;
    this.logPaths = logPaths;
    this.failures = 0;
  }

  /** A new browser page on `url` with the in-page readers installed; waits for the workbench. */
  static async open(browser, url, failureDir, logPaths) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`window.dockguardE2E = { readSquiggles: ${readSquiggles}, pointOfCharacter: ${pointOfCharacter} };`);
    await page.goto(url);
    const workbench = new WorkbenchPage(page, failureDir, logPaths);
    await workbench.expect(page.locator('.monaco-workbench .part.editor'), 'the workbench', { timeout: 60_000 });
    return workbench;
  }

  /** Screenshot of the whole window now; returns its path. */
  async screenshot(path) {
    await this.page.screenshot({ path });
    return path;
  }

  /** An Error that says what was awaited and where to look: the screenshot and the logs. */
  async failure(what, cause) {
    mkdirSync(this.failureDir, { recursive: true });
    const shot = join(this.failureDir, `failure-${++this.failures}.png`);
    await this.page.screenshot({ path: shot }).catch(() => undefined);
    const where = [`screenshot: ${shot}`, ...this.logPaths.map((p) => `log: ${p}`)].join('\n  ');
    return new Error(`${what}${cause ? ` (${cause.message.split('\n')[0]})` : ''}\n  ${where}`);
  }

  /** Waits until `locator` is visible (or the given state); fails with a screenshot. */
  async expect(locator, what, { timeout = DEFAULT_TIMEOUT_MS, state = 'visible' } = {}) {
    try {
      await locator.first().waitFor({ state, timeout });
    } catch (error) {
      throw await this.failure(`timed out after ${timeout} ms waiting for ${what}`, error);
    }
    return locator;
  }

  /** Waits until `predicate` (run in the page) returns a truthy value, and returns that value. */
  async expectInPage(predicate, arg, what, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    try {
      const handle = await this.page.waitForFunction(predicate, arg, { timeout, polling: 'raf' });
      return await handle.jsonValue();
    } catch (error) {
      throw await this.failure(`timed out after ${timeout} ms waiting for ${what}`, error);
    }
  }

  /** Answers the "Do you trust the authors" dialog. */
  async answerTrustDialog(trust) {
    const name = trust ? /Yes, I trust the authors/ : /No, I don't trust the authors/;
    const button = this.page.getByRole('button', { name });
    await this.expect(button, 'the workspace trust dialog');
    await button.click();
    await this.expect(this.page.locator('.monaco-dialog-box'), 'the trust dialog to close', { state: 'hidden' });
  }

  /** Ctrl+P, the file's path, Enter; resolves when its editor has the focus. */
  async openFile(relativePath) {
    await this.page.keyboard.press('Control+P');
    await this.expect(this.page.locator('.quick-input-widget input'), 'the quick open box');
    await this.page.keyboard.type(relativePath);
    const name = relativePath.split('/').pop();
    await this.expect(this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }), `"${relativePath}" in quick open`);
    await this.page.keyboard.press('Enter');
    await this.expect(this.page.locator('.tab.active', { hasText: name }), `the editor tab of ${name}`);
    await this.expect(this.page.locator('.editor-instance .monaco-editor.focused'), 'the focused editor');
  }

  /**
   * Waits until the editor's breadcrumbs show `symbol` (the document symbols at the cursor have
   * arrived). Another extension's server may start late on a loaded machine: a longer timeout.
   */
  async expectBreadcrumb(symbol) {
    const item = this.page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: symbol });
    await this.expect(item, `"${symbol}" in the breadcrumbs`, { timeout: 45_000 });
  }

  /** Waits until the status bar's language mode of the active editor is exactly `name` (a language's alias). */
  async expectLanguageMode(name) {
    const mode = this.page.locator('[id="status.editor.mode"]').getByText(name, { exact: true });
    await this.expect(mode, `the language mode "${name}" in the status bar`);
  }

  /** Every squiggle in the visible editor: its severity, line and the exact text under it. */
  async squiggles() {
    return this.page.evaluate(() => window.dockguardE2E.readSquiggles());
  }

  /**
   * Waits until the editor's squiggles are exactly `expected` (a set of `severity line:text` keys, see
   * `squiggleKey`); a timeout fails with what is on screen instead.
   */
  async expectSquiggles(expected, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    try {
      await this.page.waitForFunction((keys) => {
        const shown = new Set(window.dockguardE2E.readSquiggles().map((s) => `${s.severity} ${s.line}:${s.text}`));
        return shown.size === keys.length && keys.every((k) => shown.has(k));
      }, [...expected], { timeout, polling: 'raf' });
    } catch (error) {
      const shown = [...new Set((await this.squiggles()).map(squiggleKey))];
      throw await this.failure(`the squiggles never became [${[...expected].join(' | ')}]; on screen: [${shown.join(' | ')}]`, error);
    }
  }

  /** The editor's text as shown (the file is small enough to be on screen whole). */
  async editorText() {
    return this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.monaco-editor.focused .view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  /** Moves the mouse onto line/column (1-based) of the focused editor. */
  async pointAt(line, column) {
    const point = await this.page.evaluate((at) => window.dockguardE2E.pointOfCharacter(at), { line, column });
    if (!point) throw await this.failure(`line ${line}, column ${column} is not on screen`);
    await this.page.mouse.move(point.x, point.y);
    return point;
  }

  /** Clicks line/column (1-based) to put the cursor there. */
  async clickAt(line, column) {
    const point = await this.pointAt(line, column);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Hovers line/column and returns the hover's text once it holds `expectedText`. */
  async hover(line, column, expectedText, alsoExpected = []) {
    await this.pointAt(line, column);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content');
    // The editor shows the problem's own hover at once; the server's documentation joins it when it arrives.
    for (const text of [expectedText, ...alsoExpected]) await this.expect(hover.filter({ hasText: text }), `a hover containing "${text}"`);
    return hover.innerText();
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M), maximised so no row is scrolled out of view, and
   * returns its rows once at least `count` findings are listed; the panel is restored afterwards.
   * `fileGlob` filters the panel to one file's rows (its list is virtual: a workspace with more
   * findings than fit renders only the visible ones).
   */
  async problems(count, fileGlob) {
    await this.page.keyboard.press('Control+Shift+M');
    await this.expect(this.page.locator('.markers-panel'), 'the Problems panel');
    await this.runCommand('View: Toggle Maximized Panel');
    // Filtering is debounced, and a panel that re-renders (the scan's results arriving) may drop
    // what was typed: type it again until the file's group lists its rows. The filter also keeps
    // other files' findings whose message holds the path (DG401 names the unwatched docker.socket):
    // only the rows under the file's own label count.
    const file = fileGlob?.replace(/^\*\*\//, '') ?? '';
    const shown = ({ n, file }) => {
      let inFile = false;
      let listed = 0;
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      for (const row of rows) {
        const label = row.querySelector('.resource-label-container .monaco-icon-label');
        if (label) inFile = (label.getAttribute('aria-label') ?? '').endsWith(file);
        else if (inFile && row.querySelector('.marker-message')) listed++;
      }
      return listed >= n;
    };
    const what = `${count} rows in the Problems panel${file ? ` for ${file}` : ''}`;
    for (let attempt = 1; fileGlob; attempt++) {
      const filter = this.page.getByPlaceholder(/^Filter \(e\.g\./);
      await this.expect(filter, 'the Problems filter');
      await filter.fill(fileGlob);
      try {
        await this.expectInPage(shown, { n: count, file }, what, { timeout: attempt < 4 ? 5_000 : undefined });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
    if (!fileGlob) await this.expectInPage(shown, { n: count, file }, what);
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll(readProblemRows);
    await this.runCommand('View: Toggle Maximized Panel');
    return rows;
  }

  /** Runs a command from the command palette by its label. */
  async runCommand(label) {
    await this.page.keyboard.press('F1');
    await this.expect(this.page.locator('.quick-input-widget input'), 'the command palette');
    await this.page.keyboard.type(label);
    await this.expect(this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }), `"${label}" in the command palette`);
    await this.page.keyboard.press('Enter');
    await this.expect(this.page.locator('.quick-input-widget'), 'the command palette to close', { state: 'hidden' });
  }

  /** Ctrl+. and the titles of the offered code actions. */
  async openQuickFixMenu(expectedTitle) {
    await this.page.keyboard.press('Control+.');
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: expectedTitle });
    await this.expect(item, `"${expectedTitle}" in the quick fix menu`);
    return this.page.locator('.action-widget .monaco-list-row .title').allInnerTexts();
  }

  /**
   * Chooses a code action of the open quick fix menu by its title, with the arrow keys and Enter as a
   * person would (the menu blocks mouse clicks for a moment after it opens).
   */
  async chooseAction(title) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const count = await rows.count();
    for (let step = 0; step <= count; step++) {
      const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
      await this.expect(focused, 'a focused quick fix');
      if ((await focused.getAttribute('aria-label')) === title) {
        await this.page.keyboard.press('Enter');
        await this.expect(this.page.locator('.action-widget'), 'the quick fix menu to close', { state: 'hidden' });
        return;
      }
      const label = await focused.getAttribute('aria-label');
      await this.page.keyboard.press('ArrowDown');
      await this.expect(this.page.locator('.action-widget .monaco-list-row.action.focused').filter({ hasNotText: label }), 'the next quick fix');
    }
    throw await this.failure(`no quick fix titled "${title}"`);
  }
}

/** How a squiggle is compared: `warning 4:"icc"`. */
export function squiggleKey({ severity, line, text }) {
  return `${severity} ${line}:${text}`;
}

// ---- functions evaluated in the page (no closures over Node values) ----

/** The Problems panel's rows in screen order: each finding with the file whose group it is in. */
function readProblemRows(rows) {
  const text = (row, selector) => row.querySelector(selector)?.textContent ?? '';
  const findings = [];
  let file = '';
  for (const row of [...rows].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))) {
    const fileLabel = row.querySelector('.resource-label-container .monaco-icon-label');
    if (fileLabel) { file = fileLabel.getAttribute('aria-label') ?? ''; continue; }
    if (!row.querySelector('.marker-message')) continue;
    const icon = row.querySelector('.marker-icon')?.classList;
    const severity = icon?.contains('error') ? 'error' : icon?.contains('warning') ? 'warning' : 'info';
    findings.push({ file, severity, message: text(row, '.marker-message'), source: text(row, '.marker-source'),
      code: text(row, '.marker-code'), position: text(row, '.marker-line') });
  }
  return findings;
}

/** The squiggles of the focused editor with the line number and the characters each one covers. */
function readSquiggles() {
  const editor = document.querySelector('.monaco-editor.focused') ?? document.querySelector('.editor-instance .monaco-editor');
  if (!editor) return [];
  const lineNumberAt = new Map([...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
    .map((el) => [el.parentElement.style.top, Number(el.textContent)]));
  const viewLineAt = new Map([...editor.querySelectorAll('.view-lines .view-line')].map((el) => [el.style.top, el]));
  const result = [];
  for (const squiggle of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
    const top = squiggle.parentElement.style.top;
    const box = squiggle.getBoundingClientRect();
    const severity = /squiggly-(error|warning|info|hint)/.exec(squiggle.className)?.[1] ?? 'unknown';
    let text = '';
    const viewLine = viewLineAt.get(top);
    if (viewLine) {
      const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          const middle = r.left + r.width / 2;
          if (middle > box.left && middle < box.right) text += node.data[i];
        }
      }
    }
    result.push({ severity, line: lineNumberAt.get(top), text: text.replace(/\u00a0/g, ' ') });
  }
  return result.sort((a, b) => a.line - b.line);
}

/** Screen coordinates of the middle of a character of the focused editor, or null. */
function pointOfCharacter({ line, column }) {
  const editor = document.querySelector('.monaco-editor.focused') ?? document.querySelector('.editor-instance .monaco-editor');
  const margin = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((el) => Number(el.textContent) === line);
  if (!margin) return null;
  const viewLine = [...editor.querySelectorAll('.view-lines .view-line')].find((el) => el.style.top === margin.parentElement.style.top);
  let remaining = column - 1;
  const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (remaining < node.data.length) {
      const range = document.createRange();
      range.setStart(node, remaining);
      range.setEnd(node, remaining + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    remaining -= node.data.length;
  }
  return null;
}
