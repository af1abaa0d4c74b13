/**
 * The `compose-project` model: what Compose runs from the machine's Compose files — for now one
 * instance per file, its services with the documents merged and `extends` within the file resolved.
 * Merging a project's files (overrides, `include`, `extends` of another file) comes with the next
 * step; every value already carries the file that writes it. (The `compose` model, each parsed file
 * itself, is the kind's own: pragmas and the parse-level rules read it.) Each instance carries the
 * daemon its project runs on (model/compose/daemon-link.ts).
 */
import { defineModel } from '../engine/machine';
import type { ComposeFile } from '../formats/compose/parse';
import { projectDaemon } from '../model/compose/daemon-link';
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
    const daemon = projectDaemon(machine);
    return machine.filesOf<ComposeFile>('compose').map((file) => ({ model: { file, services: buildServices(file), daemon }, file: file.path }));
  },
});
