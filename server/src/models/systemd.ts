/**
 * The `systemd` model: the machine's systemd files that are Docker's (docker.service, docker.socket,
 * env files, units running dockerd, and the drop-ins of such a unit). Rules never judge nginx.service.
 */
import { defineModel } from '../engine/machine';
import type { SystemdFile } from '../formats/systemd/parse';

declare module '../engine/rule' {
  interface RuleModels {
    /** One of Docker's systemd files (unit, drop-in, env file). */
    'systemd': SystemdFile;
  }
}

export default defineModel({
  name: 'systemd',
  build(machine) {
    const dockerDropIns = new Set(machine.model('daemon').flatMap(({ model }) => (model.service?.command ? model.service.dropIns : [])));
    return machine
      .filesOf<SystemdFile>('systemd')
      .filter((file) => file.docker || dockerDropIns.has(file))
      .map((file) => ({ model: file, file: file.path }));
  },
});
