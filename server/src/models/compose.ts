/**
 * The `compose-project` model: what Compose runs from the machine's Compose files — for now one
 * instance per file, its services with the documents merged and `extends` within the file resolved.
 * Merging a project's files (overrides, `include`, `extends` of another file) comes with the next
 * step; every value already carries the file that writes it. (The `compose` model, each parsed file
 * itself, is the kind's own: pragmas and the parse-level rules read it.)
 */
import { defineModel } from '../engine/machine';
import type { ComposeFile } from '../formats/compose/parse';
import { buildServices, type ComposeModel } from '../model/compose/services';

declare module '../engine/rule' {
  interface RuleModels {
    /** The services Compose runs from one file (a project of one file, for now). */
    'compose-project': ComposeModel;
  }
}

export default defineModel({
  name: 'compose-project',
  build(machine) {
    return machine.filesOf<ComposeFile>('compose').map((file) => ({ model: { file, services: buildServices(file) }, file: file.path }));
  },
});
