/** Compose: a value of the wrong type or form for compose-spec (or a `$` Compose cannot interpolate). */
import type { RuleContext } from '../../engine/rule';
import type { ComposeFile } from '../../formats/compose/parse';
import type { ComposeModel } from '../../model/compose/services';
import { composeSchemaProblems } from '../../schema/compose-validate';
import { formatPath } from '../../schema/validate';

export function invalidComposeValues(context: RuleContext, file: ComposeFile): void {
  for (const problem of composeSchemaProblems(file)) {
    if (problem.kind !== 'invalid') continue;
    context.report({ messageId: 'invalid', data: { path: formatPath(problem.path), problem: problem.problem }, at: { file: problem.file, span: problem.span } });
  }
}

/** Compose: an `extends` or `include` that names a file or service that is not there, or that comes back to itself. */
export function invalidComposeReferences(context: RuleContext, project: ComposeModel): void {
  for (const problem of project.problems) {
    if (problem.kind !== 'remote') context.report({ messageId: 'reference', data: { problem: problem.message }, at: { file: problem.file, span: problem.span } });
  }
}
