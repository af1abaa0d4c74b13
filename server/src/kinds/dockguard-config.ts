/**
 * `.dockguard.yaml`, the project config, linted like any other file: a broken config is DG010 at
 * its bad line in the editor (the CLI exits 2 on it), and its `overrides` are judged by DG009.
 */
import { defineKind } from '../engine/kind';
import { PROJECT_CONFIG_NAME } from '../engine/project-config';
import { configCompletion, configHover } from '../features/dockguard-config/schema-help';
import { parseDockguardConfig } from '../engine/config-file';

export default defineKind({
  name: 'dockguard-config',
  title: 'dockguard config',
  matches: (path) => path === PROJECT_CONFIG_NAME || path.endsWith(`/${PROJECT_CONFIG_NAME}`),
  parse: parseDockguardConfig,
  walked: false,
  // YAML comments hold no pragmas: the config is where suppressions are written, not judged.
  globs: [`**/${PROJECT_CONFIG_NAME}`],
  // The yaml language id would activate dockguard for every YAML file.
  languages: [],
  hover: configHover,
  completion: configCompletion,
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One `.dockguard.yaml`. */
    'dockguard-config': import('../engine/config-file').DockguardConfigFile;
  }
}
