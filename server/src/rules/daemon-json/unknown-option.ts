import type { RuleContext } from '../../engine/rule';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { renameJsonKey } from '../../formats/daemon-json/edits';
import { ALL_KEYS, isReadKey } from '../../model/daemon-options';
import { LIFECYCLE } from '../../model/lifecycle';
import { closeMatches } from '../../schema/suggest';
import { formatPath, memberNamesAt, schemaProblems } from '../../schema/validate';

/** Keys dockerd reads (suggesting one it ignores, like `containerd-plugins-namespace`, would not help). */
const SUGGESTIBLE_KEYS = ALL_KEYS.filter(isReadKey);

/** daemon.json: a key dockerd does not know: it refuses to start ("the following directives don't match any configuration option"). */
export function reportUnknownOptions(context: RuleContext, file: DaemonJsonFile): void {
  for (const problem of schemaProblems(file)) {
    if (problem.kind !== 'unknown') continue;
    const topLevel = problem.path.length === 1;
    const name = String(problem.path[problem.path.length - 1]);
    // Removed and deprecated keys are DG005's and DG006's: one finding per cause.
    if (topLevel && LIFECYCLE.some((e) => e.key === name && e.value === undefined)) continue;
    const siblings = Object.keys(problem.schema.properties ?? {});
    const matches = closeMatches(name, topLevel ? SUGGESTIBLE_KEYS : siblings, topLevel);
    const at = { file: file.path, span: problem.span };
    if (matches.length === 0) {
      context.report({ messageId: 'unknown', data: { key: formatPath(problem.path) }, at });
      continue;
    }
    const [only] = matches;
    // Renaming onto a key that is already there would make a duplicate and change which value wins.
    const taken = memberNamesAt(file, problem.path.slice(0, -1)).includes(only);
    context.report({
      messageId: 'suggest',
      data: { key: formatPath(problem.path), suggestions: matches.map((m) => `"${m}"`).join(' or ') },
      at,
      fixes: matches.length === 1 && !taken ? [{ title: `Rename to "${only}"`, safety: 'safe', edits: renameJsonKey(problem.span, only) }] : [],
    });
  }
}

