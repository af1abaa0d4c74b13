/** Compose: a value of the wrong type or form for compose-spec (or a `$` Compose cannot interpolate). */
import type { RuleContext } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import type { ComposeFile } from '../../formats/compose/parse';
import { nodeAt, type TreeScalar } from '../../formats/compose/yaml-tree';
import type { ComposeModel } from '../../model/compose/services';
import { composeSchemaProblems, composeValidWith, type ComposeSchemaProblem } from '../../schema/compose-validate';
import { formatPath } from '../../schema/validate';

export function invalidComposeValues(context: RuleContext, file: ComposeFile): void {
  for (const problem of composeSchemaProblems(file)) {
    if (problem.kind !== 'invalid') continue;
    context.report({ messageId: 'invalid', data: { path: formatPath(problem.path), problem: problem.problem }, at: { file: problem.file, span: problem.span }, fixes: () => repairFix(file, problem) });
  }
}

/** Compose: an `extends` or `include` that names a file or service that is not there, or that comes back to itself. */
export function invalidComposeReferences(context: RuleContext, project: ComposeModel): void {
  for (const problem of project.problems) {
    if (problem.kind !== 'remote') context.report({ messageId: 'reference', data: { problem: problem.message }, at: { file: problem.file, span: problem.span } });
  }
}

/**
 * A scalar that reads the same as a flow list's item: quoted, or plain on one line without flow
 * indicators, comments, anchors, tags or aliases (`a,b` in brackets would become two items).
 */
const FLOW_ITEM = /^("[^"\n]*"|'[^'\n]*'|[^\s,[\]{}#&*!"'][^\n,[\]{}#]*)$/;

/** A plain decimal number as YAML writes it: `1000`, `-1`, `1.10` (not `0755`, `1e3`, `.5` or `0x1f`). */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * The one correction the value evidently meant, where Compose refuses the file as it stands, and
 * only when compose-spec accepts the result:
 * - an enum value in the wrong case (`cgroup: Host` → `host`), when exactly one allowed value has
 *   its letters;
 * - a plain number where a string is wanted (`user: 1000` → `user: "1000"`), quoted as written so
 *   the characters stay the author's (`1.10` stays `"1.10"`, never `1.1`);
 * - one value where a list is wanted (`cap_drop: ALL` → `cap_drop: [ALL]`), written as it was.
 * Anything else (a boolean where a string is wanted, a number written `0x9` or `0755`) is the user's to say.
 */
function repairFix(file: ComposeFile, problem: ComposeSchemaProblem): FixProposal[] {
  const node = nodeAt(file.root, problem.path);
  if (node?.type !== 'scalar' || problem.file !== file.path || !problem.allowed) return [];
  const written = file.text.slice(node.span.start, node.span.end);
  const repair = 'values' in problem.allowed ? caseRepair(node, written, problem.allowed.values) : typeRepair(node, written, problem.allowed.types);
  if (!repair || !composeValidWith(file, problem.path, repair.value)) return [];
  return [{ title: repair.title, safety: 'safe', edits: [{ offset: node.span.start, length: written.length, content: repair.text }] }];
}

interface Repair {
  /** The value as compose-spec reads it, and as the file writes it. */
  value: unknown;
  text: string;
  title: string;
}

function caseRepair(node: TreeScalar, written: string, values: readonly unknown[]): Repair | undefined {
  const value = node.value;
  if (typeof value !== 'string') return undefined;
  const quote = /^(["']).*\1$/.test(written) ? written[0] : '';
  if (written !== `${quote}${value}${quote}`) return undefined; // escapes or folding: not a one-word edit
  const sameLetters = values.filter((v): v is string => typeof v === 'string' && v.toLowerCase() === value.toLowerCase());
  if (sameLetters.length !== 1) return undefined;
  return { value: sameLetters[0], text: `${quote}${sameLetters[0]}${quote}`, title: `Replace with "${sameLetters[0]}"` };
}

function typeRepair(node: TreeScalar, written: string, types: readonly string[]): Repair | undefined {
  if (types.includes('string') && typeof node.value === 'number' && PLAIN_DECIMAL.test(written)) {
    return { value: written, text: `"${written}"`, title: `Quote it: "${written}"` };
  }
  if (types.includes('array') && node.value !== null && FLOW_ITEM.test(written)) {
    return { value: [node.value], text: `[${written}]`, title: `Make it a list: [${written}]` };
  }
  return undefined;
}
