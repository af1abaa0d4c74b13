/** daemon.json and its variants (`docker-daemon.json`, `daemon-gpu.json` …): strict JSON, no comments. */
import { defineKind } from '../engine/kind';
import { parseDaemonJson } from '../formats/daemon-json/parse';
import { daemonJsonCompletion } from '../features/daemon-json/completion';
import { daemonJsonHover } from '../features/daemon-json/hover';

const DAEMON_JSON = /(^|\/)([^/]*[.-])?daemon([.-][^/]*)?\.json$/i;

export default defineKind({
  name: 'daemon-json',
  title: 'daemon.json',
  matches: (path) => DAEMON_JSON.test(path),
  parse: parseDaemonJson,
  // dockerd refuses comments in daemon.json (DG007): its suppressions live in .dockguard.yaml.
  globs: ['**/*daemon*.json'],
  languages: ['json', 'jsonc'],
  activation: ['**/daemon.json'],
  looseGroup: 'daemon',
  hover: daemonJsonHover,
  completion: daemonJsonCompletion,
});

declare module '../engine/rule' {
  interface RuleModels {
    /** One daemon.json file. */
    'daemon-json': import('../formats/daemon-json/parse').DaemonJsonFile;
  }
}
