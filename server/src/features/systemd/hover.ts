/**
 * Hover in unit files: on a dockerd flag, what it sets (the daemon.json key, its type, default, the
 * CIS item of the rules judging it: the same text as daemon.json's hover); on a directive, its
 * section and what it does.
 */
import type { SystemdFile } from '../../formats/systemd/parse';
import type { DockerdFlagSpec } from '../../model/flag-table';
import { SYSTEMD_DIRECTIVES } from '../../formats/systemd/directives.generated';
import { keyDocumentation } from '../daemon-json/documentation';
import type { FeatureContext, HoverResult } from '../../engine/kind';
import { dockerdCommandAt } from './command';
import { DIRECTIVE_DESCRIPTIONS } from './directive-descriptions';

export function systemdHover(file: SystemdFile, offset: number, context: FeatureContext): HoverResult | undefined {
  return flagHover(file, offset, context) ?? directiveHover(file, offset);
}

function flagHover(file: SystemdFile, offset: number, context: FeatureContext): HoverResult | undefined {
  const command = dockerdCommandAt(file, offset);
  const flag = command?.args.flags.find((f) => f.nameSpan.start <= offset && offset <= f.nameSpan.end);
  if (!flag) return undefined;
  return { markdown: flagDocumentation(flag.spec as DockerdFlagSpec, flag.written, flag.value?.text, context), span: flag.nameSpan };
}

/** What a flag sets, then the daemon.json key's documentation (shared with daemon.json's hover and completion). */
export function flagDocumentation(spec: DockerdFlagSpec, written: string, value: string | undefined, context: Pick<FeatureContext, 'dockerVersion' | 'rules'>): string {
  const option = spec.option;
  if (spec.key === undefined) return `**\`${written}\`** · command line only (no daemon.json key)\n\n${option.description}`;
  if (spec.member !== undefined) {
    return `**\`${written}\`** sets \`"${spec.key}"\` → \`"${spec.member}"\` in daemon.json\n\n${option.description}`;
  }
  const parsedValue = spec.kind === 'bool' && value === undefined ? true : value;
  const documentation = keyDocumentation(spec.key, parsedValue, context) ?? option.description;
  return `**\`${written}\`** sets \`"${spec.key}"\` in daemon.json\n\n${documentation}`;
}

function directiveHover(file: SystemdFile, offset: number): HoverResult | undefined {
  const directive = file.unit?.directives.find((d) => d.nameSpan.start <= offset && offset <= d.nameSpan.end);
  if (!directive || !SYSTEMD_DIRECTIVES[directive.section]?.includes(directive.name)) return undefined;
  const description = DIRECTIVE_DESCRIPTIONS[directive.name] ?? `A valid directive of the [${directive.section}] section.`;
  return { markdown: `**${directive.name}=** · [${directive.section}]\n\n${description}`, span: directive.nameSpan };
}
