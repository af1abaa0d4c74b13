import { defineRule } from '../../engine/rule';
import type { ComposeFile } from '../../formats/compose/parse';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { unknownComposeKeys } from '../compose/unknown-key';
import { reportUnknownOptions } from '../daemon-json/unknown-option';

/** A key the consumer does not know: dockerd refuses to start on it, Compose refuses the file. */
export default defineRule({
  meta: {
    id: 'DG002',
    name: 'unknown-option',
    description: 'A daemon.json key dockerd does not know, or a Compose key compose-spec does not define.',
    severity: 'error',
    kinds: ['daemon-json', 'compose'],
    reads: 'file',
    messages: {
      unknown: 'Unknown option "{{key}}": dockerd refuses to start on a key it does not know.',
      suggest: 'Unknown option "{{key}}": dockerd refuses to start on a key it does not know; did you mean {{suggestions}}?',
      composeUnknown: 'Unknown key "{{key}}": Compose refuses a file with a key the Compose Specification does not define (extensions start with "x-").',
      composeSuggest: 'Unknown key "{{key}}": Compose refuses a file with a key the Compose Specification does not define; did you mean {{suggestions}}?',
    },
    fix: 'safe',
  },
  check(context, file) {
    if (file.kind === 'daemon-json') reportUnknownOptions(context, file as DaemonJsonFile);
    else if (file.kind === 'compose') unknownComposeKeys(context, file as ComposeFile);
  },
});
