/**
 * The dockerd command line under the cursor: the ExecStart= that runs dockerd, or DOCKER_OPTS=/
 * OPTIONS= of an environment file, read with the same flag parser the rules use (variables are not
 * expanded here: the editor shows the flags as written).
 */
import { parseDockerdArguments, type DockerdArguments } from '../../formats/systemd/dockerd-flags';
import { DOCKERD_FLAGS } from '../../model/flag-table';
import { dockerdExec, type SystemdFile } from '../../formats/systemd/parse';
import { splitWords, type Word } from '../../formats/systemd/words';
import type { Span } from '../../engine/types';

export interface CommandAtCursor {
  args: DockerdArguments;
  /** The directive's or assignment's value span: where flags are completed. */
  valueSpan: Span;
}

const OPTION_VARIABLES = new Set(['DOCKER_OPTS', 'OPTIONS']);
const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

export function dockerdCommandAt(file: SystemdFile, offset: number): CommandAtCursor | undefined {
  if (file.unit) {
    const directive = file.unit.directives.find((d) => contains(d.span, offset));
    const exec = directive && dockerdExec(directive);
    if (!exec) return undefined;
    return { args: parse(exec.args), valueSpan: { start: directive.nameSpan.end, end: directive.span.end } };
  }
  const assignment = file.env?.assignments.find((a) => OPTION_VARIABLES.has(a.name) && contains(a.span, offset));
  if (!assignment) return undefined;
  return { args: parse(splitWords(assignment.value)), valueSpan: { start: assignment.nameSpan.end, end: assignment.span.end } };
}

function parse(words: Word[]): DockerdArguments {
  return parseDockerdArguments(words, DOCKERD_FLAGS);
}
