/**
 * The `compose-project` model: the Compose projects of the machine, assembled and merged as
 * `docker compose` does (model/compose/project.ts), with the machine's `.env` files for their
 * variables and the projects `.dockguard.yaml` declares (`compose.projects`), as one instance (a
 * value two projects reach is one finding), carrying the daemon they run on
 * (model/compose/daemon-link.ts). (The `compose` model, each parsed file itself, is the kind's own:
 * pragmas and the parse-level rules read it.)
 */
import { defineModel } from '../engine/machine';
import type { DotenvFile } from '../formats/compose/dotenv';
import type { ComposeFile } from '../formats/compose/parse';
import { projectDaemon } from '../model/compose/daemon-link';
import { buildProjects, combineProjects, type DeclaredProject } from '../model/compose/project';
import type { ComposeModel } from '../model/compose/services';

declare module '../engine/rule' {
  interface RuleModels {
    /** The machine's Compose projects: their files merged, their services as Compose runs them. */
    'compose-project': ComposeModel;
  }
}

export default defineModel({
  name: 'compose-project',
  build(machine) {
    const declared = (machine.declared?.compose as { projects?: DeclaredProject[] } | undefined)?.projects ?? [];
    const model = combineProjects(buildProjects(machine.filesOf<ComposeFile>('compose'), machine.filesOf<DotenvFile>('compose-env'), declared));
    return model ? [{ model: { ...model, daemon: projectDaemon(machine) }, file: model.file.path }] : [];
  },
});
