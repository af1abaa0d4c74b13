/**
 * Every rule has docs/rules/<ID>.md, and each page's examples are true (ESLint's check-rule-examples):
 * fenced blocks whose info string is `<lang> insecure|fixed <path>`, grouped by label into one small
 * workspace each (written to a temp folder under those paths), are linted with profile `all` (and the
 * page's `<!-- dockerVersion: X.Y -->` when it has one). The insecure workspace must trigger the page's
 * rule; the fixed one must not, and must parse.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintSources } from '../../server/src/engine/api';
import { loadSource } from '../../server/src/engine/files';
import { kindOfPath } from '../../server/src/engine/kind';
import { INTERNAL_ERROR_ID } from '../../server/src/engine/types';
import { withDefaults } from '../../server/src/engine/options';
import type { Finding } from '../../server/src/engine/types';
import { RULES } from '../../server/src/rules';
import { REGISTRY } from '../../server/src/registry';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');
const LABELS = ['insecure', 'fixed'] as const;
type Label = (typeof LABELS)[number];

interface Example {
  label: Label;
  path: string;
  text: string;
}

/** The example blocks of a page; a block fenced with ``` or ~~~ and an info string of three words. */
function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^(```|~~~)[ \t]*(\S+)[ \t]+(insecure|fixed)[ \t]+(\S+)[ \t]*\r?\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) examples.push({ label: match[3] as Label, path: match[4], text: match[5] });
  return examples;
}

function dockerVersionOf(markdown: string): string | undefined {
  return /<!--\s*dockerVersion:\s*(\d+\.\d+)\s*-->/.exec(markdown)?.[1];
}

/** Lints one label's blocks as a workspace of real files (so kinds and hosts come from the paths). */
function lintExamples(examples: Example[], dockerVersion: string | undefined): Finding[] {
  const root = mkdtempSync(join(tmpdir(), 'dockguard-docs-'));
  const sources = examples.map((example) => {
    const path = join(root, example.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, example.text);
    const kind = kindOfPath(REGISTRY.kinds, path);
    assert.ok(kind, `dockguard does not know what kind of file ${example.path} is; use the file's real name`);
    return loadSource(path, kind.name).source;
  });
  const options = withDefaults({ profile: 'all', ...(dockerVersion ? { dockerVersion } : {}) });
  return [...lintSources(sources, options, REGISTRY).findings.values()].flat();
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.message}`).join('\n    ') || '(none)';

describe('rule documentation pages', () => {
  it('exist for every registered rule and for DG000, which internal errors link to', () => {
    const missing = [INTERNAL_ERROR_ID, ...RULES.map((r) => r.meta.id)].filter((id) => !existsSync(join(DOCS, `${id}.md`)));
    assert.deepEqual(missing, [], `missing rule pages: ${missing.map((id) => `docs/rules/${id}.md`).join(', ')}`);
  });

  it('the example parser reads labels, paths and text', () => {
    const page = 'x\n```json insecure etc/docker/daemon.json\n{"icc": true}\n```\n\n~~~ini fixed lib/systemd/system/docker.service\n[Service]\n~~~\n```json\n{}\n```\n';
    assert.deepEqual(examplesOf(page), [
      { label: 'insecure', path: 'etc/docker/daemon.json', text: '{"icc": true}\n' },
      { label: 'fixed', path: 'lib/systemd/system/docker.service', text: '[Service]\n' },
    ]);
  });
});

describe('rule page examples', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    const page = join(DOCS, `${id}.md`);
    if (!existsSync(page)) continue; // reported once, above, with the full list
    it(`${id}: the insecure example triggers it, the fixed one does not`, () => {
      const markdown = readFileSync(page, 'utf8');
      const examples = examplesOf(markdown);
      const dockerVersion = dockerVersionOf(markdown);
      for (const label of LABELS) {
        assert.ok(examples.some((e) => e.label === label), `docs/rules/${id}.md has no \`<lang> ${label} <path>\` example block`);
      }
      // Host-mode rules judge metadata no text shows: their pages show `stat` output, and
      // test/cli/host.test.ts checks the same cases on fixture roots.
      if (rule.meta.reads === 'host') return;
      const insecure = lintExamples(examples.filter((e) => e.label === 'insecure'), dockerVersion);
      assert.ok(insecure.some((f) => f.ruleId === id), `the insecure example of ${id} does not trigger it; it reports:\n    ${summary(insecure)}`);
      const fixed = lintExamples(examples.filter((e) => e.label === 'fixed'), dockerVersion);
      const wrong = fixed.filter((f) => f.ruleId === id || f.ruleId === 'DG001');
      assert.deepEqual(wrong.map((f) => f.ruleId), [], `the fixed example of ${id} still reports:\n    ${summary(wrong)}`);
    });
  }
});
