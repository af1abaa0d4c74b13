/** The `host` model: host mode's metadata of the machine (owners, modes, accounts, mounts). */
import { defineModel } from '../engine/machine';
import { hostMetadata, mainDaemon, type HostMetadata } from '../model/host-metadata';

declare module '../engine/rule' {
  interface RuleModels {
    /** A host as host mode examined it (never built for a workspace). */
    'host': HostMetadata;
  }
}

export default defineModel({
  name: 'host',
  build(machine) {
    const host = hostMetadata(machine, mainDaemon(machine.model('daemon').map((instance) => instance.model)));
    return host ? [{ model: host, file: host.failureFile }] : [];
  },
});
