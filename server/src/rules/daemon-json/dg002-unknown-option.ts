import { getNodeValue, type Node } from 'jsonc-parser';
import { defineRule } from '../../engine/rule';
import { unknownComposeKeys } from '../compose/unknown-key';
import { renameJsonKey } from '../../formats/daemon-json/edits';
import { ALL_KEYS, isReadKey } from '../../model/daemon-options';
import { LIFECYCLE } from '../../model/lifecycle';
import { closeMatches } from '../../schema/suggest';
import { formatPath, memberNamesAt, schemaProblems, validValue } from '../../schema/validate';

/** Keys dockerd reads (suggesting one it ignores, like `containerd-plugins-namespace`, would not help). */
const SUGGESTIBLE_KEYS = ALL_KEYS.filter(isReadKey);
/** Removed keys: never suggested, and a typo as close to one as to a current key gets no did-you-mean. */
const REMOVED_KEYS = LIFECYCLE.filter((e) => e.value === undefined && !isReadKey(e.key)).map((e) => e.key);

/** A key dockerd does not know: it refuses to start ("the following directives don't match any configuration option"). */
export default defineRule({
  meta: {
    id: 'DG002',
    name: 'unknown-option',
    description: 'A daemon.json key that dockerd does not know, or a Compose key compose-spec does not define.',
    severity: 'error',
    kinds: ['daemon-json', 'compose'],
    reads: ['daemon-json', 'compose'],
    messages: {
      unknown: 'Unknown option "{{key}}": dockerd refuses to start on a key it does not know.',
      suggest: 'Unknown option "{{key}}": dockerd refuses to start on a key it does not know; did you mean {{suggestions}}?',
      composeUnknown: 'Unknown key "{{key}}": Compose refuses a file with a key the Compose Specification does not define (extensions start with "x-").',
      composeSuggest: 'Unknown key "{{key}}": Compose refuses a file with a key the Compose Specification does not define; did you mean {{suggestions}}?',
    },
    fix: 'safe',
  },
  check(context, file) {
    if (file.kind === 'compose') return unknownComposeKeys(context, file);
    for (const problem of schemaProblems(file)) {
      if (problem.kind !== 'unknown') continue;
      const topLevel = problem.path.length === 1;
      const name = String(problem.path[problem.path.length - 1]);
      // Removed and deprecated keys are DG005's and DG006's: one finding per cause.
      if (topLevel && LIFECYCLE.some((e) => e.key === name && e.value === undefined)) continue;
      const siblings = Object.keys(problem.schema.properties ?? {});
      const candidates = closeMatches(name, topLevel ? [...SUGGESTIBLE_KEYS, ...REMOVED_KEYS] : siblings, topLevel);
      const matches = candidates.some((m) => REMOVED_KEYS.includes(m)) ? [] : candidates;
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
        fixes: matches.length === 1 && !taken ? [{ title: `Rename to "${only}"`, safety: renameSafety(topLevel, only, problem.node), edits: renameJsonKey(problem.span, only) }] : [],
      });
    }
  },
});

/** A rename keeps what the author meant only when the value is valid for the new key (`"debgu": true`, not `"debgu": "yes"`). */
function renameSafety(topLevel: boolean, key: string, value: Node): 'safe' | 'unsafe' {
  return !topLevel || validValue(key, getNodeValue(value)) ? 'safe' : 'unsafe';
}
