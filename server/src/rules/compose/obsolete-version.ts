/** Compose: the top-level `version`, which Compose ignores with a warning; removing it changes nothing. */
import type { RuleContext } from '../../engine/rule';
import { removeMember } from '../../formats/compose/edits';
import type { ComposeFile } from '../../formats/compose/parse';

export function obsoleteComposeVersion(context: RuleContext, file: ComposeFile): void {
  for (const document of file.documents) {
    const version = document.written.find((m) => m.key === 'version');
    if (!version) continue;
    const edit = removeMember(file.text, document, version);
    context.report({
      messageId: 'composeVersion',
      at: { file: file.path, span: version.span },
      fixes: edit ? [{ title: 'Remove "version" (Compose ignores it)', safety: 'safe', edits: [edit] }] : [],
      tags: ['deprecated'],
    });
  }
}
