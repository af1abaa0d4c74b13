/**
 * A toy file kind registered in a test alone: `*.toy` files of `key = value` lines with `#` comments,
 * and one rule that flags `secure = no`. Nothing outside this folder knows about it; the tests prove
 * a kind module, a parser and a rule are all a new kind needs, on the CLI path and over LSP.
 */
import { defineKind, type ParsedFileBase } from '../../server/src/engine/kind';
import { createRegistry } from '../../server/src/engine/registry';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import type { Span } from '../../server/src/engine/types';
import { KINDS } from '../../server/src/kinds';
import { MODELS } from '../../server/src/models';
import { RULES } from '../../server/src/rules';

interface ToyFile extends ParsedFileBase {
  kind: 'toy';
  settings: { key: string; value: string; valueSpan: Span; span: Span }[];
  comments: Span[];
}

declare module '../../server/src/engine/rule' {
  interface RuleModels {
    toy: ToyFile;
  }
}

function parseToy(path: string, text: string): ToyFile {
  const file: ToyFile = { kind: 'toy', path, text, syntaxErrors: [], settings: [], comments: [] };
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = /^(\s*)(\w+)\s*=\s*(\S*)\s*$/.exec(line);
    if (line.trimStart().startsWith('#')) file.comments.push({ start: offset + line.length - line.trimStart().length, end: offset + line.length });
    else if (match) {
      const valueStart = offset + line.indexOf(match[3], match[1].length + match[2].length);
      file.settings.push({ key: match[2], value: match[3], valueSpan: { start: valueStart, end: valueStart + match[3].length }, span: { start: offset + match[1].length, end: offset + line.length } });
    } else if (line.trim() !== '') file.syntaxErrors.push({ span: { start: offset, end: offset + line.length }, message: 'expected key = value' });
    offset += line.length + 1;
  }
  return file;
}

export const toyKind = defineKind<ToyFile>({
  name: 'toy',
  title: 'toy file',
  matches: (path) => path.endsWith('.toy'),
  parse: parseToy,
  comments: (file) => ({ comments: file.comments, statements: file.settings.map((s) => s.span) }),
  globs: ['**/*.toy'],
  languages: ['toy'],
});

export const toyRule = defineRule({
  meta: {
    id: 'DG990',
    name: 'toy-insecure',
    description: 'A toy file turns security off.',
    severity: 'warning',
    kinds: ['toy'],
    reads: 'toy',
    messages: { insecure: '"{{key}}" is "no": set it to "yes".' },
    fix: 'safe',
  },
  check(context, file) {
    for (const setting of file.settings) {
      if (setting.key !== 'secure' || setting.value !== 'no') continue;
      context.report({
        messageId: 'insecure',
        data: { key: setting.key },
        at: { file: file.path, span: setting.valueSpan },
        fixes: [{ title: 'Set it to "yes"', safety: 'safe', edits: [{ offset: setting.valueSpan.start, length: setting.valueSpan.end - setting.valueSpan.start, content: 'yes' }] }],
      });
    }
  },
}) as Rule;

export const TOY_REGISTRY = createRegistry({ kinds: [...KINDS, toyKind], models: MODELS, rules: [...RULES, toyRule] });
