import { defineRule } from '../../engine/rule';
import { isRemoved } from '../../model/lifecycle';
import { originValueLocation } from '../../model/origin';
import { storageDriverFix } from '../../model/storage-driver';

/** Storage drivers CIS 2.6 (and their deprecation) warn against, with the reason each is unfit. */
const INSECURE_DRIVERS: Record<string, string> = {
  aufs: 'aufs is an unmaintained out-of-tree filesystem with a record of kernel crashes',
  overlay: 'the legacy overlay driver exhausts inodes and is no longer maintained',
  devicemapper: 'devicemapper is deprecated and unmaintained, and slow to create and remove containers',
};

/**
 * Where the driver is removed at the judged dockerVersion, dockerd will not start and DG005 says so
 * (one finding per cause); this rule speaks only for releases that still accept the driver.
 */
export default defineRule({
  meta: {
    id: 'DG106',
    name: 'insecure-storage-driver',
    description: 'The storage driver is aufs or another deprecated driver.',
    severity: 'error',
    level: 'L1',
    cis: { 'v1.6.0': '2.6', 'v1.5.0': '2.6' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      insecure: '"storage-driver" is "{{driver}}": {{why}}; use "overlay2" (CIS 2.6).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const driver = host.config.get('storage-driver');
    if (typeof driver?.value !== 'string' || !(driver.value in INSECURE_DRIVERS)) return;
    if (isRemoved('storage-driver', driver.value, context.options.dockerVersion)) return;
    context.report({
      messageId: 'insecure',
      data: { driver: driver.value, why: INSECURE_DRIVERS[driver.value] },
      at: originValueLocation(driver.origin),
      fixes: () => storageDriverFix(host, driver, 'overlay2', `Set "storage-driver" to "overlay2" (images and containers stored by ${driver.value} are no longer visible: pull and recreate them)`),
    });
  },
});
