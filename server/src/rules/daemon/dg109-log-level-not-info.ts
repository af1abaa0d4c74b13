import { defineRule } from '../../engine/rule';
import { removalFix, settingFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

/** Levels more verbose than info; the quieter ones (warn, error, fatal, panic) drop events instead. */
const VERBOSE_LEVELS = new Set(['debug', 'trace']);
/** What dockerd accepts (case-insensitive, reference §2.3); anything else is DG003's finding. */
const VALID_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']);

/** CIS 2.3: info records what an audit needs without debug's volume and leaked detail. */
export default defineRule({
  meta: {
    id: 'DG109',
    name: 'log-level-not-info',
    description: 'The daemon does not log at level info.',
    severity: 'warning',
    level: 'L1',
    cis: { 'v1.6.0': '2.3', 'v1.5.0': '2.3' },
    kinds: ['daemon-json', 'systemd'],
    reads: 'daemon',
    messages: {
      verbose: '"log-level" is "{{level}}": the daemon logs request details that can include secrets, and floods the logs; set it to "info" (CIS 2.3).',
      quiet: '"log-level" is "{{level}}": the daemon\'s informational events are no longer recorded, leaving gaps for audits and incident response; set it to "info" (CIS 2.3).',
      debug: '"debug" is true: the daemon logs at debug level, with request details that can include secrets, whatever "log-level" says; remove it (CIS 2.3).',
    },
    fix: 'unsafe',
  },
  check(context, host) {
    const level = host.config.get('log-level');
    const normalized = typeof level?.value === 'string' ? level.value.trim().toLowerCase() : undefined;
    if (level && normalized && VALID_LEVELS.has(normalized) && normalized !== 'info') {
      context.report({
        messageId: VERBOSE_LEVELS.has(normalized) ? 'verbose' : 'quiet',
        data: { level: String(level.value) },
        at: originLocation(level.origin),
        fixes: () => settingFix(host, 'log-level', 'info', 'Set "log-level" to "info"'),
      });
    }
    const debug = host.config.get('debug');
    if (debug?.value === true) {
      context.report({ messageId: 'debug', at: originLocation(debug.origin), fixes: () => removalFix(host, debug, 'Remove "debug" (the daemon logs at "log-level" again)') });
    }
  },
});
