/**
 * The shape several DG1xx rules share: a boolean setting whose dockerd default is the insecure
 * value. Set to the insecure value, it is reported where it is set (`messages.wrong`); not set at
 * all, at the host's anchor (`messages.missing`); both with the fix that sets the wanted value.
 * A value that is not a boolean is DG003's to report, not theirs.
 */
import type { RuleContext } from '../../engine/rule';
import type { DaemonHost } from '../../model/host';
import { settingFix } from '../../model/fixes';
import { originLocation } from '../../model/origin';

export interface BooleanSettingCheck {
  key: string;
  /** The hardened value; its opposite is dockerd's default. */
  wanted: boolean;
  /** The message ids for an explicit insecure value and for an absent setting. */
  messages: { wrong: string; missing: string };
  /** The fix's title, which says what changes for the containers. */
  fixTitle: string;
}

export function checkBooleanSetting(context: RuleContext, host: DaemonHost, check: BooleanSettingCheck): void {
  const fixes = () => settingFix(host, check.key, check.wanted, check.fixTitle);
  const setting = host.config.get(check.key);
  if (setting) {
    if (setting.value === !check.wanted) context.report({ messageId: check.messages.wrong, at: originLocation(setting.origin), fixes });
  } else if (host.anchor) {
    context.report({ messageId: check.messages.missing, at: host.anchor, fixes });
  }
}
