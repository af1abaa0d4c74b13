/**
 * The `compose` model: each Compose file of the machine with its services (documents merged,
 * `extends` within the file resolved). Merging a project's files (overrides, `include`, `extends`
 * of another file) comes with the next step; origins already carry each value's file.
 */
import { defineModel } from '../engine/machine';
import type { ComposeFile } from '../formats/compose/parse';
import { buildServices, type ComposeModel } from '../model/compose/services';

declare module '../engine/rule' {
  interface RuleModels {
    /** One Compose file and its services. */
    'compose': ComposeModel;
  }
}

export default defineModel({
  name: 'compose',
  build(machine) {
    return machine.filesOf<ComposeFile>('compose').map((file) => ({ model: { file, services: buildServices(file) }, file: file.path }));
  },
});
