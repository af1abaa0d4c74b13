/** Compose: a key compose-spec does not define, with the one or two keys it was likely meant to be. */
import type { RuleContext } from '../../engine/rule';
import type { ComposeFile } from '../../formats/compose/parse';
import { member, nodeAt } from '../../formats/compose/yaml-tree';
import { propertyNamesAt } from '../../schema/compose-schema';
import { composeSchemaProblems } from '../../schema/compose-validate';
import { closeMatches } from '../../schema/suggest';
import { formatPath } from '../../schema/validate';

export function unknownComposeKeys(context: RuleContext, file: ComposeFile): void {
  for (const problem of composeSchemaProblems(file)) {
    if (problem.kind !== 'unknown') continue;
    const parentPath = problem.path.slice(0, -1);
    const name = String(problem.path[problem.path.length - 1]);
    const matches = closeMatches(name, propertyNamesAt(parentPath), false);
    const at = { file: problem.file, span: problem.span };
    const key = formatPath(problem.path);
    if (matches.length === 0) {
      context.report({ messageId: 'composeUnknown', data: { key }, at });
      continue;
    }
    const [only] = matches;
    // Renaming onto a key that is already there would make a duplicate key, which YAML refuses.
    const taken = member(nodeAt(file.root, parentPath), only) !== undefined;
    context.report({
      messageId: 'composeSuggest',
      data: { key, suggestions: matches.map((m) => `"${m}"`).join(' or ') },
      at,
      fixes: matches.length === 1 && !taken ? [{ title: `Rename to "${only}"`, safety: 'safe', edits: [{ offset: problem.span.start, length: problem.span.end - problem.span.start, content: only }] }] : [],
    });
  }
}
