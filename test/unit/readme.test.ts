/** README.md stays true: its rules table matches the registry, its commands and options exist. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { END, rulesTable, START, withRulesTable } from '../../scripts/docs-rules';
import { usage } from '../../server/src/cli/main';
import { REGISTRY } from '../../server/src/registry';

const USAGE = usage(REGISTRY);
import { RULES } from '../../server/src/rules';
import { runCli } from '../cli/harness';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** npm's own commands the README names; every other `npm X` must be a script of package.json. */
const NPM_COMMANDS = new Set(['ci', 'install-scripts']);
const SCRIPTS = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);

describe('README.md', () => {
  it('lists every registered rule in its table', () => {
    const table = README.slice(README.indexOf(START), README.indexOf(END));
    const missing = RULES.map((r) => r.meta.id).filter((id) => !table.includes(`[${id}](docs/rules/${id}.md)`));
    assert.deepEqual(missing, [], `rules missing from the README table: ${missing.join(', ')} (run npm run docs:rules)`);
  });

  it('has the rules table the registry generates (run npm run docs:rules when this fails)', () => {
    assert.equal(README, withRulesTable(README, rulesTable()));
  });

  it('starts with the newcomer commands npm ci, npm start, npm test', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    assert.deepEqual(firstBlock.split('\n').filter(Boolean).map((line) => line.split('#')[0].trim()), ['npm ci', 'npm start', 'npm test']);
  });

  it('names only npm scripts that exist', () => {
    const code = [...README.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0].replace(/#.*$/gm, '')).join('\n');
    const named = [...code.matchAll(/npm (?:run )?([\w:-]+)/g)].map((m) => m[1]).filter((name) => !NPM_COMMANDS.has(name));
    assert.ok(named.includes('docs:rules'));
    const missing = [...new Set(named)].filter((name) => !SCRIPTS.includes(name));
    assert.deepEqual(missing, []);
  });

  it('documents exactly the options the CLI accepts', () => {
    const options = (text: string) => [...new Set([...text.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]))].sort();
    const usageOptions = [...new Set([...USAGE.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]))].filter((o) => o !== '--help').sort();
    const optionsTable = README.slice(README.indexOf('| option | meaning |'), README.indexOf('Exit status'));
    assert.ok(usageOptions.length >= 8, `USAGE lists ${usageOptions.join(' ')}`);
    assert.deepEqual(options(optionsTable), usageOptions);
  });

  it('shows what the CLI really prints: every line of a `$ npx dockguard` sample, in order (`…` marks lines left out)', () => {
    const samples = [...README.matchAll(/```console\n\$ npx dockguard (.*)\n([\s\S]*?)```/g)];
    assert.ok(samples.length >= 2, 'the text and concise samples');
    for (const [, command, sample] of samples) {
      const printed = runCli(command.split(' ')).stdout.split('\n');
      let at = 0;
      for (const line of sample.split('\n').filter((l) => l !== '' && l !== '…')) {
        const found = printed.indexOf(line, at);
        assert.ok(found >= 0, `\`dockguard ${command}\` does not print, here or after the lines before it:\n${line}`);
        at = found + 1;
      }
    }
  });

  it('shows a real finding of its JSON sample command, and its file count', () => {
    const command = /For `npx dockguard (lint --format json [^`]+)`/.exec(README)![1];
    const sample = JSON.parse(/```json\n([\s\S]*?)```/.exec(README)![1]) as { files: number; findings: object[] };
    const printed = JSON.parse(runCli(command.split(' ')).stdout) as { files: number; findings: object[] };
    assert.equal(sample.files, printed.files);
    for (const finding of sample.findings) assert.ok(printed.findings.some((f) => JSON.stringify(f) === JSON.stringify(finding)), JSON.stringify(finding));
  });
});
