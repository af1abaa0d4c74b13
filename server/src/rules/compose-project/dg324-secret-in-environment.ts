import { defineRule } from '../../engine/rule';
import { UNKNOWN } from '../../formats/compose/interpolation';
import { entriesOf, setting } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** Names that say the value is a credential. */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
/** Names that hold something about a secret (where it is, how long), not the secret. */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_LENGTH|_TTL|_EXPIRY|_EXPIRE|_LIFETIME|_TIMEOUT|_URL_PATH|_HEADER|_TYPE|_ENABLED|_MIN|_MAX)$/i;
/** A URL with a password in it: `postgres://user:password@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i;
const HARMLESS = /^(|true|false|yes|no|on|off|0|1|changeme|null|none)$/i;

/** A credential written into the Compose file: it ends up in git, in `docker inspect` and in every process's environment. */
export default defineRule({
  meta: {
    id: 'DG324',
    name: 'secret-in-environment',
    description: 'A service\'s environment holds a literal secret (a password, token or key, or a URL with a password).',
    severity: 'warning',
    cis: { 'v1.6.0': '4.10', 'v1.5.0': '4.10' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      named: '"{{name}}" holds a literal secret: it is kept in this file (and its history), shown by `docker inspect` and inherited by every process; interpolate it ("${{{name}}}") or use a Compose secret and "{{name}}_FILE" (CIS 4.10).',
      url: '"{{name}}" holds a URL with a literal password: it is kept in this file (and its history) and shown by `docker inspect`; interpolate the password or use a Compose secret (CIS 4.10).',
    },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      for (const entry of entriesOf(setting(service, 'environment')?.value)) {
        const value = entry.value;
        if (value === undefined) continue;
        const urlPassword = URL_PASSWORD.exec(value)?.[1];
        if (urlPassword !== undefined && !urlPassword.includes(UNKNOWN)) {
          hits.push({ service, file: entry.node.file, span: entry.node.span, messageId: 'url', data: { name: entry.name } });
        } else if (SECRET_NAME.test(entry.name) && !NOT_A_SECRET.test(entry.name) && !value.includes(UNKNOWN) && !HARMLESS.test(value.trim())) {
          hits.push({ service, file: entry.node.file, span: entry.node.span, messageId: 'named', data: { name: entry.name } });
        }
      }
    }
    reportPerPlace(context, hits);
  },
});
