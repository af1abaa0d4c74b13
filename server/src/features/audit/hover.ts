/**
 * Hover in audit rules: what an option, a list or action, a field, an operator or a syscall means,
 * and on a watched path the CIS item of the Docker file it watches.
 */
import type { Span } from '../../engine/types';
import { ACTION_DESCRIPTIONS, LIST_DESCRIPTIONS, OPERATOR_CLASS_WORDS, OPERATOR_DESCRIPTIONS, type FieldInfo } from '../../formats/audit/fields';
import type { AuditOption } from '../../formats/audit/getopt';
import type { AuditFile } from '../../formats/audit/parse';
import type { AuditRule } from '../../formats/audit/rule';
import { syscallNumbers, ANY_ARCH } from '../../formats/audit/syscalls';
import { spanOf, type AuditWord } from '../../formats/audit/words';
import { allDockerPaths, covers } from '../../model/docker-watches';
import type { FeatureContext, HoverResult } from '../../engine/kind';

const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

export function auditHover(file: AuditFile, offset: number, _context: FeatureContext): HoverResult | undefined {
  const rule = file.rules.find((r) => inside(r.span, offset));
  if (!rule) return undefined;
  return partHover(rule, offset) ?? optionHover(rule.options, offset);
}

/** Markdown for an option: its name and argument, then what it does. */
export function optionDocumentation(option: AuditOption['info']): string {
  const flag = option.name.length === 1 ? `-${option.name}` : `--${option.name}`;
  return `**\`${flag}${option.argument ? ` ${option.argument}` : ''}\`**\n\n${option.description}`;
}

/** Markdown for a field: its name, operators and lists, then what it matches. */
export function fieldDocumentation(info: FieldInfo): string {
  const lists = info.lists ? ` · ${info.lists.join(', ')} list${info.lists.length > 1 ? 's' : ''} only` : '';
  return `**\`-F ${info.name}\`** · ${OPERATOR_CLASS_WORDS[info.operators]}${lists}\n\n${info.description}`;
}

function optionHover(options: readonly AuditOption[], offset: number): HoverResult | undefined {
  const option = options.find((o) => inside(o.flag, offset));
  return option ? { markdown: optionDocumentation(option.info), span: spanOf(option.flag) } : undefined;
}

function partHover(rule: AuditRule, offset: number): HoverResult | undefined {
  for (const field of [...rule.fields, ...rule.comparisons]) {
    if (inside(field.operator, offset)) return { markdown: `**\`${field.operator.text}\`** · ${OPERATOR_DESCRIPTIONS[field.operator.text]}`, span: spanOf(field.operator) };
    if (inside(field.name, offset)) return { markdown: fieldDocumentation(field.info), span: spanOf(field.name) };
    if ((field.info.name === 'path' || field.info.name === 'dir') && inside(field.value, offset)) return pathHover(field.value);
  }
  for (const { word, scope } of rule.syscalls) {
    if (!inside(word, offset)) continue;
    const numbers = syscallNumbers(word.text, scope.machines.length > 0 ? scope : ANY_ARCH);
    const table = numbers.map((n) => `${n.number} on ${n.machine}`).join(', ');
    const what = word.text === 'all' ? 'every syscall' : table ? `syscall number ${table}` : 'a syscall by number';
    return { markdown: `**\`${word.text}\`** · ${what}${scope.arch ? ` (arch ${scope.arch})` : ''}`, span: spanOf(word) };
  }
  if (rule.path && inside(rule.path, offset)) return pathHover(rule.path);
  const listAction = rule.operation?.value;
  if (listAction && inside(listAction, offset)) {
    const parts = [rule.list && `**${rule.list}** list: ${LIST_DESCRIPTIONS[rule.list]}`, rule.action && `**${rule.action}**: ${ACTION_DESCRIPTIONS[rule.action]}`].filter(Boolean);
    return { markdown: parts.join('\n\n'), span: spanOf(listAction) };
  }
  const key = rule.keys.find((k) => inside(k, offset));
  if (key) return { markdown: `**key \`${key.text}\`** · find the events of this rule with \`ausearch -k ${key.text}\``, span: spanOf(key) };
  return undefined;
}

/** On a watched path: the Docker files it watches and their CIS items. */
function pathHover(path: AuditWord): HoverResult | undefined {
  const watched = path.text.length > 1 ? path.text.replace(/\/+$/, '') : path.text;
  const items = allDockerPaths().filter((d) => covers(watched, d.path));
  if (items.length === 0) return undefined;
  const lines = items.map((d) => `- CIS ${d.cis}: \`${d.path}\``);
  return { markdown: `**Docker file${items.length > 1 ? 's' : ''} audited** (CIS Docker Benchmark, checked by DG401)\n\n${lines.join('\n')}`, span: spanOf(path) };
}
