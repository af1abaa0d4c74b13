/**
 * Completion in unit files: dockerd flags inside an ExecStart= that runs dockerd (and DOCKER_OPTS=/
 * OPTIONS= of an environment file), and directive names at the start of a line in a section.
 */
import type { Span } from '../../engine/types';
import { SYSTEMD_DIRECTIVES } from '../../formats/systemd/directives.generated';
import { DOCKERD_FLAGS, type DockerdFlagSpec } from '../../model/flag-table';
import type { SystemdFile } from '../../formats/systemd/parse';
import { enumValues } from '../daemon-json/documentation';
import type { CompletionEntry, FeatureContext } from '../../engine/kind';
import { dockerdCommandAt } from './command';
import { DIRECTIVE_DESCRIPTIONS } from './directive-descriptions';
import { flagDocumentation } from './hover';

export function systemdCompletion(file: SystemdFile, offset: number, context: FeatureContext): CompletionEntry[] {
  return flagEntries(file, offset, context) ?? directiveEntries(file, offset);
}

function lineBefore(text: string, offset: number): { start: number; text: string } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return { start, text: text.slice(start, offset) };
}

/** Flags where a new word starts or a word starting with `-` is being typed; undefined outside a dockerd command. */
function flagEntries(file: SystemdFile, offset: number, context: FeatureContext): CompletionEntry[] | undefined {
  const command = dockerdCommandAt(file, offset);
  if (!command || offset < command.valueSpan.start) return undefined;
  const typed = /(?:^|[\s"'])(-[A-Za-z0-9-]*)$|(?:^|\s)$/.exec(lineBefore(file.text, offset).text);
  if (!typed) return [];
  const replace: Span = { start: offset - (typed[1]?.length ?? 0), end: offset };
  // Flags given once keep their place; repeatable ones (-H, --log-opt …) may come again.
  const present = new Set(command.args.flags.filter((f) => f.nameSpan.start !== replace.start && !['list', 'map', 'csv-map'].includes(f.spec.kind)).map((f) => f.spec.name));
  return DOCKERD_FLAGS.all.filter((spec) => !spec.option.hidden && !spec.option.deprecatedFlag && !present.has(spec.name)).map((spec) => ({
    label: `--${spec.name}`,
    kind: 'value',
    detail: spec.key ? `sets "${spec.member ? `${spec.key}.${spec.member}` : spec.key}" · ${spec.kind}` : `${spec.kind} · command line only`,
    documentation: flagDocumentation(spec, `--${spec.name}`, undefined, context),
    ...flagText(spec),
    replace,
  }));
}

/** `--icc` for a boolean (the flag alone turns it on), `--name=` with a value placeholder otherwise. */
function flagText(spec: DockerdFlagSpec): Pick<CompletionEntry, 'text' | 'snippet'> {
  const name = `--${spec.name}`;
  if (spec.kind === 'bool') return { text: name, snippet: name };
  const choices = enumValues(spec.option.schema, spec.option.default);
  const placeholder = choices.length > 0 ? `\${1|${choices.join(',')}|}` : '$1';
  return { text: `${name}=`, snippet: `${name}=${placeholder}` };
}

/** Directive names of the cursor's section, while the line holds only a name being typed. */
function directiveEntries(file: SystemdFile, offset: number): CompletionEntry[] {
  if (!file.unit) return [];
  const line = lineBefore(file.text, offset);
  const typed = /^([ \t]*)([A-Za-z]*)$/.exec(line.text);
  if (!typed) return [];
  const section = [...file.unit.sections].reverse().find((s) => s.span.end <= line.start)?.name;
  const names = section ? SYSTEMD_DIRECTIVES[section] : undefined;
  if (!names) return [];
  const replace: Span = { start: offset - typed[2].length, end: offset };
  return names.map((name) => ({ label: name, kind: 'value', detail: `[${section}]`, documentation: DIRECTIVE_DESCRIPTIONS[name], text: `${name}=`, snippet: `${name}=$1`, replace }));
}
