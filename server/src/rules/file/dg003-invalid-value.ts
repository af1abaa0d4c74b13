import { defineRule } from '../../engine/rule';
import type { ComposeFile } from '../../formats/compose/parse';
import type { DaemonJsonFile } from '../../formats/daemon-json/parse';
import { invalidComposeValues } from '../compose/invalid-value';
import { reportInvalidValues } from '../daemon-json/invalid-value';

/** A value of the wrong type, out of range or not allowed: dockerd refuses to start with it, Compose refuses the file. */
export default defineRule({
  meta: {
    id: 'DG003',
    name: 'invalid-value',
    description: 'A daemon.json or Compose value of the wrong type, out of range or not an allowed value.',
    severity: 'error',
    kinds: ['daemon-json', 'compose'],
    reads: 'file',
    messages: { invalid: 'Invalid value for "{{path}}": it {{problem}}.' },
    fix: 'safe',
  },
  check(context, file) {
    if (file.kind === 'daemon-json') reportInvalidValues(context, file as DaemonJsonFile);
    else if (file.kind === 'compose') invalidComposeValues(context, file as ComposeFile);
  },
});
