/** The `daemon` model: the effective dockerd configuration of each host on a machine. */
import { defineModel } from '../engine/machine';
import { buildHosts, type DaemonHost } from '../model/host';

declare module '../engine/rule' {
  interface RuleModels {
    /** The effective daemon configuration of one host (daemon.json and dockerd flags). */
    'daemon': DaemonHost;
  }
}

export default defineModel({
  name: 'daemon',
  build: (machine) => buildHosts(machine).map((host) => ({ model: host, file: host.anchor?.file ?? host.files[0] })),
});
