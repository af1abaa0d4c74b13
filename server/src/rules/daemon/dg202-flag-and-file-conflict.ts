import { defineRule } from '../../engine/rule';
import type { FixProposal } from '../../engine/types';
import { removeJsonValue } from '../../formats/daemon-json/edits';
import type { Setting } from '../../model/daemon-config';
import { flagFix } from '../../model/flag-fixes';
import { lifecycleOf } from '../../model/lifecycle';
import { originLocation, type FlagOrigin } from '../../model/origin';

/** `--add-runtime` and "runtimes" are merged by dockerd, not a conflict (reference §2.2). */
const MERGED_KEYS = new Set(['runtimes']);

/** dockerd refuses to start when one setting is given as a flag and in daemon.json, even with equal values. */
export default defineRule({
  meta: {
    id: 'DG202',
    name: 'flag-and-file-conflict',
    description: 'A setting is given both as a dockerd flag and in daemon.json.',
    severity: 'error',
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      flagSide: '{{flag}} sets "{{key}}", which daemon.json sets too: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file: {{key}}"); keep one of them.',
      fileSide: '"{{key}}" is also set by the flag {{flag}} in {{unit}}: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file: {{key}}"); keep one of them.',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    if (!host.daemonJson) return;
    for (const key of host.config.keys()) {
      // A removed flag (--graph beside "graph") stops pflag before this check: DG005 reports both.
      if (MERGED_KEYS.has(key) || lifecycleOf(key, undefined, context.options.dockerVersion, true)?.status === 'removed') continue;
      const sources = host.config.all(key);
      const fromFile = sources.filter((s) => s.origin.type === 'daemon-json');
      const fromFlags = sources.flatMap(flagOrigins);
      const conflicting = key === 'proxies' ? conflictingMembers(fromFile, fromFlags) : fromFile.length > 0 ? fromFlags : [];
      if (conflicting.length === 0) continue;
      const file = fromFile[fromFile.length - 1];
      const jsonAt = originLocation(file.origin);
      const first = conflicting[0];
      const unit = first.file.slice(first.file.lastIndexOf('/') + 1);
      const jsonText = host.daemonJson.text;
      const removeKey = (): FixProposal[] => file.origin.type === 'daemon-json' ? [{ title: `Remove "${key}" from daemon.json (the flag ${first.flag} stays)`, safety: 'unsafe', edits: removeJsonValue(jsonText, file.origin.path) }] : [];
      context.report({ messageId: 'fileSide', data: { key, flag: first.flag, unit }, at: jsonAt, fixes: removeKey, related: conflicting.map((o) => ({ location: originLocation(o), message: `${o.flag} sets "${key}" here` })) });
      for (const origin of conflicting) {
        const removeFlag = () => flagFix(host, origin, '', `Remove ${origin.flag} from the dockerd command (daemon.json's "${key}" stays)`, 'unsafe');
        context.report({ messageId: 'flagSide', data: { key, flag: origin.flag }, at: originLocation(origin), fixes: removeFlag, related: [{ location: jsonAt, message: `daemon.json sets "${key}" here` }] });
      }
    }
  },
});

/** Each flag occurrence behind a setting (a list or map setting has one per item or member). */
function flagOrigins(setting: Setting): FlagOrigin[] {
  if (setting.origin.type === 'daemon-json') return []; // its items and members come from the file too
  const parts = [setting, ...(setting.items ?? []), ...(setting.members ?? [])];
  const origins = parts.map((s) => s.origin).filter((o): o is FlagOrigin => o.type === 'flag');
  return origins.filter((o, i) => origins.findIndex((p) => p.span.start === o.span.start && p.file === o.file) === i);
}

/** `proxies` members conflict one by one with --http-proxy, --https-proxy, --no-proxy. */
function conflictingMembers(fromFile: Setting[], fromFlags: FlagOrigin[]): FlagOrigin[] {
  const fileMembers = new Set(fromFile.flatMap((s) => (s.value && typeof s.value === 'object' && !Array.isArray(s.value) ? Object.keys(s.value) : [])));
  return fromFlags.filter((o) => fileMembers.has(o.flag.replace(/^--/, '')));
}
