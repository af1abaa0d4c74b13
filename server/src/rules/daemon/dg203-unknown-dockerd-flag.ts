import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { DOCKERD_FLAGS } from '../../model/flag-table';
import { parseDockerdArguments, type FlagProblem } from '../../formats/systemd/dockerd-flags';
import type { Word } from '../../formats/systemd/words';
import { flagJsonValue } from '../../model/flag-settings';
import { validValue } from '../../schema/validate';
import { closeMatches } from '../../schema/suggest';
import { hostFileText } from '../../model/host';
import { replaceSpan } from '../../formats/systemd/edits';

/** dockerd refuses to start on any command-line error (pflag, reference §4.1). */
export default defineRule({
  meta: {
    id: 'DG203',
    name: 'unknown-dockerd-flag',
    description: 'The dockerd command line has an unknown flag or another error dockerd refuses.',
    severity: 'error',
    kinds: ['systemd'],
    reads: 'daemon',
    messages: {
      unknownFlag: 'unknown flag: {{token}}: dockerd refuses to start.{{hint}}',
      unknownShorthand: 'unknown shorthand flag: {{token}}: dockerd refuses to start.{{hint}}',
      missingValue: 'flag needs an argument: {{token}}: dockerd refuses to start.',
      strayArgument: '"{{token}}" is not a flag: dockerd accepts no arguments and refuses to start.',
      boolSeparate: '{{flag}} is a boolean flag and takes a value only after "=": "{{token}}" is left over as an argument and dockerd refuses to start; write {{flag}}={{token}}.',
      invalidValue: 'invalid argument "{{token}}" for "{{flag}}" flag: dockerd refuses to start.',
    },
    fix: 'safe',
  },
  check(context, host) {
    const command = host.command;
    if (!command) return;
    for (const problem of command.args.problems) {
      const at = { file: problem.file, span: problem.span };
      switch (problem.code) {
        case 'unknown-flag':
        case 'unknown-shorthand': {
          const { hint, fixes } = suggestion(problem, command.args.words);
          context.report({ messageId: problem.code === 'unknown-flag' ? 'unknownFlag' : 'unknownShorthand', data: { token: problem.token, hint }, at, fixes });
          break;
        }
        case 'missing-value':
          context.report({ messageId: 'missingValue', data: { token: problem.token }, at });
          break;
        case 'stray-argument':
          context.report({ messageId: 'strayArgument', data: { token: problem.token }, at });
          break;
        case 'bool-with-separate-value': {
          const flag = problem.after!;
          const text = hostFileText(host, flag.file);
          const sameFile = flag.file === problem.file && text !== undefined && /^[ \t]+$/.test(text.slice(flag.span.end, problem.span.start));
          const fixes: FixProposal[] = sameFile ? [{ title: `Write ${flag.written}=${problem.token}`, safety: 'safe', edits: [{ offset: flag.span.end, length: problem.span.start - flag.span.end, content: '=' }] }] : [];
          context.report({ messageId: 'boolSeparate', data: { flag: flag.written, token: problem.token }, at: { file: problem.file, span: { start: flag.span.start, end: problem.span.end } }, fixes });
          break;
        }
        case 'invalid-bool':
        case 'invalid-int':
          context.report({ messageId: 'invalidValue', data: { token: problem.token, flag: flagBefore(command.args.flags, problem) }, at });
          break;
      }
    }
  },
});

function flagBefore(flags: readonly { valueSpan?: { start: number }; written: string }[], problem: FlagProblem): string {
  return flags.find((f) => f.valueSpan?.start === problem.span.start)?.written ?? '';
}

/**
 * "Did you mean": `-debug` meant `--debug`; otherwise the closest long name. None when a removed
 * flag is as close (`--grap` is more likely `--graph`, whose successor is `--data-root`, than
 * `--group`). The rename is safe only as the one close match whose value the new flag reads the
 * same way (`--log-levl=debug`); otherwise it is offered unsafe.
 */
function suggestion(problem: FlagProblem, words: readonly Word[]): { hint: string; fixes: FixProposal[] } {
  const name = problem.code === 'unknown-shorthand' ? (/in -(\S+)$/.exec(problem.token)?.[1] ?? problem.token.replace(/^-+/, '')) : problem.token.replace(/^-+/, '');
  const exact = DOCKERD_FLAGS.long(name) ? [name] : closeMatches(name, [...DOCKERD_FLAGS.names(), ...DOCKERD_FLAGS.removedNames()], false);
  if (exact.length !== 1 || DOCKERD_FLAGS.removedNames().includes(exact[0])) return { hint: '', fixes: [] };
  const replacement = `--${exact[0]}`;
  // A shorthand problem spans one letter; rename only a whole long flag.
  if (problem.code !== 'unknown-flag') return { hint: ` Did you mean ${replacement}?`, fixes: [] };
  const safe = renamedValueIsValid(problem, replacement, words);
  return { hint: ` Did you mean ${replacement}?`, fixes: [{ title: `Rename to ${replacement}`, safety: safe ? 'safe' : 'unsafe', edits: [replaceSpan(problem.span, replacement)] }] };
}

/** Parse the renamed flag with the words that follow it, and judge its value against the new key's schema. */
function renamedValueIsValid(problem: FlagProblem, replacement: string, words: readonly Word[]): boolean {
  const index = words.findIndex((w) => w.span.start <= problem.span.start && problem.span.end <= w.span.end);
  if (index < 0) return false;
  const word = words[index];
  // The new name's characters all map to where the old name starts; the rest keeps its offsets.
  const offsets = [...new Array<number>(replacement.length).fill(word.text.offsets[0]), ...word.text.offsets.slice(problem.token.length)];
  const renamed: Word = { ...word, text: { file: word.text.file, text: replacement + word.text.text.slice(problem.token.length), offsets } };
  const parsed = parseDockerdArguments([renamed, ...words.slice(index + 1, index + 2)], DOCKERD_FLAGS);
  const flag = parsed.flags[0];
  if (!flag || parsed.problems.some((p) => p.code === 'invalid-bool' || p.code === 'invalid-int' || p.code === 'missing-value')) return false;
  const key = flag.spec.key;
  return key !== undefined && validValue(key, flagJsonValue(flag));
}
