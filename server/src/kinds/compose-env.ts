/**
 * A Compose project's `.env`: read so its variables interpolate the project's files (and editing it
 * re-lints them, being a file of their machine), never judged itself — it parses to no problem and
 * no rule reads it alone. It claims only files named exactly `.env`; it adds no language and no
 * activation event, so an editor never starts dockguard, nor lints, for a `.env` of another tool.
 */
import { defineKind } from '../engine/kind';
import { parseDotenv } from '../formats/compose/dotenv';
import { composeFileList } from '../model/compose/project';
import { folderOf, resolvePath } from '../model/compose/references';

export default defineKind({
  name: 'compose-env',
  title: 'Compose .env file',
  matches: (path) => path === '.env' || path.endsWith('/.env'),
  parse: parseDotenv,
  // Read beside the Compose files it serves; never reported, so the CLI's walks read it as context.
  context: true,
  globs: ['**/.env'],
  languages: [],
  activation: [],
  looseGroup: 'compose',
  // COMPOSE_FILE names the project's files, whatever their names (`base.yml`).
  links: (file) => (composeFileList(file) ?? []).map((path) => ({ path: resolvePath(folderOf(file.path), path), kind: 'compose' })),
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One Compose `.env` file's variables. */
    'compose-env': import('../formats/compose/dotenv').DotenvFile;
  }
}
