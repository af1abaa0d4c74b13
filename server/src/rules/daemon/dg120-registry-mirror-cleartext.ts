import { defineRule } from '../../engine/rule';
import { valueFix } from '../../model/fixes';
import { originValueLocation } from '../../model/origin';

/** A mirror reached over http:// serves images anyone on the path can read or alter. */
export default defineRule({
  meta: {
    id: 'DG120',
    name: 'registry-mirror-cleartext',
    description: 'A registry mirror is reached over plain HTTP.',
    severity: 'warning',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      cleartext: '"{{mirror}}" is a registry mirror over plain HTTP: images pulled through it can be read and altered by anyone on the network path; use an https:// mirror.',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    for (const mirror of host.config.items('registry-mirrors')) {
      if (typeof mirror.value !== 'string' || !/^http:\/\//i.test(mirror.value.trim())) continue;
      const https = mirror.value.trim().replace(/^http:\/\//i, 'https://');
      context.report({
        messageId: 'cleartext',
        data: { mirror: mirror.value },
        at: originValueLocation(mirror.origin),
        fixes: () => valueFix(host, mirror, https, `Use "${https}" (the mirror must serve HTTPS, or pulls go to the upstream registry)`),
      });
    }
  },
});
