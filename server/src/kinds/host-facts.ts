/**
 * What host mode knows of a host besides its configuration files: owners, modes, accounts and
 * mounts. No path is claimed (a workspace has no such metadata): host mode adds these files
 * itself, and the `host` model gives them to the DG5xx rules.
 */
import { defineKind } from '../engine/kind';
import { parseHostFacts, type HostFactsFile } from '../formats/host-facts/parse';

export default defineKind<HostFactsFile>({
  name: 'host-facts',
  title: 'host metadata',
  matches: () => false,
  parse: parseHostFacts,
  globs: [],
  languages: [],
  activation: [],
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One of host mode's metadata files. */
    'host-facts': HostFactsFile;
  }
}
