import { defineRule } from '../../engine/rule';
import type { ComposeFile } from '../../formats/compose/parse';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { obsoleteComposeVersion } from '../compose/obsolete-version';
import { reportDeprecatedOptions } from '../daemon-json/deprecated-option';

/** An option still accepted but deprecated: dockerd drops it in a later release; Compose ignores the obsolete `version`. */
export default defineRule({
  meta: {
    id: 'DG006',
    name: 'deprecated-option',
    description: 'A deprecated option dockerd still accepts, or the obsolete top-level `version` of a Compose file.',
    severity: 'warning',
    kinds: ['daemon-json', 'compose'],
    reads: 'file',
    messages: {
      deprecated: '{{what}} is deprecated since dockerd {{deprecatedIn}} ({{note}}); {{advice}}.',
      deprecatedUntil: '{{what}} is deprecated since dockerd {{deprecatedIn}} and removed in {{removedIn}} ({{note}}); {{advice}}.',
      composeVersion: 'The top-level "version" is obsolete: Compose ignores it and warns on every run; remove it.',
    },
    fix: 'safe',
  },
  check(context, file) {
    if (file.kind === 'daemon-json') reportDeprecatedOptions(context, file as DaemonJsonFile);
    else if (file.kind === 'compose') obsoleteComposeVersion(context, file as ComposeFile);
  },
});
