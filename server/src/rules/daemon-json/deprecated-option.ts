import type { RuleContext } from '../../engine/rule';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { lifecycleFindings } from './lifecycle-matches';

/** daemon.json: an option dockerd still accepts but has deprecated: it goes away in a later release. */
export function reportDeprecatedOptions(context: RuleContext, file: DaemonJsonFile): void {
  for (const found of lifecycleFindings(file, context.options.dockerVersion)) {
    if (found.status !== 'deprecated') continue;
    const { deprecatedIn, removedIn, note } = found.entry;
    context.report({
      messageId: removedIn ? 'deprecatedUntil' : 'deprecated',
      data: { what: found.what, deprecatedIn, removedIn: removedIn ?? '', note, advice: found.advice },
      at: { file: file.path, span: found.span },
      fixes: found.fixes,
      tags: ['deprecated'],
    });
  }
}

