// Tokens in URLs: recognised (to refuse them) and blanked (for logs). URLs end up in logs, histories and Referer headers.

/** Query parameter names that carry credentials, lower-case without separators (`access_token` → `accesstoken`). */
const CREDENTIAL_NAMES = new Set(['token', 'auth', 'authorization', 'bearer', 'apikey', 'key', 'jwt', 'secret', 'password', 'passwd', 'credentials']);
/** A token of the shape `armsgraph token new` makes, anywhere in a value. */
const TOKEN_IN_TEXT = /ag_[A-Za-z0-9_-]{43}/g;

const normalised = (name: string) => name.toLowerCase().replace(/[-_.\s[\]]/g, '');

/** Whether a query parameter's name says it holds a credential (`token`, `access_token`, `api-key`, `X-Auth-Token`…). */
export function isCredentialName(name: string): boolean {
  const n = normalised(name);
  return CREDENTIAL_NAMES.has(n) || n.endsWith('token') || n.endsWith('apikey') || n.endsWith('secret');
}

/** Whether a value looks like a credential: one of our tokens, or a whole `Bearer …` header value. */
export function isCredentialValue(value: string): boolean {
  TOKEN_IN_TEXT.lastIndex = 0;
  return TOKEN_IN_TEXT.test(value) || /^\s*bearer\s+\S/i.test(value);
}

/** The name of the first query parameter that holds or names a credential, or undefined. */
export function credentialParameter(query: Readonly<Record<string, unknown>> | undefined): string | undefined {
  for (const [name, value] of Object.entries(query ?? {})) {
    if (isCredentialName(name)) return name;
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && isCredentialValue(v))) return name;
  }
  return undefined;
}

/** A URL with the values of credential parameters, and anything shaped like a token, replaced by `[REDACTED]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.replace(TOKEN_IN_TEXT, '[REDACTED]');
  const pairs = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      // a malformed escape: judge the name as written
    }
    if (eq >= 0 && isCredentialName(name)) return `${rawName}=[REDACTED]`;
    let value = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      if (/^\s*bearer\s/i.test(decodeURIComponent(value.replace(/\+/g, ' ')))) value = '[REDACTED]';
    } catch {
      // a malformed escape holds no bearer header
    }
    return eq < 0 ? pair : `${rawName}=${value}`;
  });
  return `${url.slice(0, q).replace(TOKEN_IN_TEXT, '[REDACTED]')}?${pairs.join('&').replace(TOKEN_IN_TEXT, '[REDACTED]')}`;
}
