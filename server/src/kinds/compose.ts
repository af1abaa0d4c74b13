/**
 * Compose files: `compose.yaml`, `docker-compose.yml`, their override and variant forms
 * (`compose.override.yaml`, `docker-compose.prod.yml`, `app.compose.yaml`, `metricbeat-compose.yml`).
 * Other YAML is not claimed.
 */
import { defineKind } from '../engine/kind';
import { composeCompletion } from '../features/compose/completion';
import { composeHover } from '../features/compose/hover';
import { parseCompose } from '../formats/compose/parse';
import { composeLinks } from '../model/compose/references';

const COMPOSE = /(^|\/)([^/]*[.-])?(docker-)?compose([.-][^/]*)?\.ya?ml$/i;

export default defineKind({
  name: 'compose',
  title: 'Compose file',
  matches: (path) => COMPOSE.test(path),
  parse: parseCompose,
  comments: (file) => ({ comments: file.comments, statements: file.statements }),
  globs: ['**/*compose*.{yaml,yml}'],
  languages: ['yaml', 'dockercompose'],
  // The Compose files of one folder are one project (`compose.yaml` and its overrides merge).
  looseGroup: 'compose',
  // `extends.file`, `include` and include env_files: one machine with the files they name.
  links: composeLinks,
  hover: composeHover,
  completion: composeCompletion,
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One Compose file as parsed (documents, comments); its services are the `compose-project` model's. */
    'compose': import('../formats/compose/parse').ComposeFile;
  }
}
