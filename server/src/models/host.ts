/** The `host` model: host mode's metadata of the machine (owners, modes, accounts, mounts). */
import { defineModel } from '../engine/machine';
import { hostMetadata, type HostMetadata } from '../model/host-metadata';

declare module '../engine/rule' {
  interface RuleModels {
    /** A host as host mode examined it (never built for a workspace). */
    'host': HostMetadata;
  }
}

export default defineModel({
  name: 'host',
  build(machine) {
    const hosts = machine.model('daemon').map((instance) => instance.model);
    // The host systemd runs dockerd from, else the one daemon.json.
    const daemon = hosts.find((h) => h.service?.command || h.command) ?? hosts[0];
    const host = hostMetadata(machine, daemon);
    return host ? [{ model: host, file: host.failureFile }] : [];
  },
});
