// Who may call the API: tokens (from a file and/or the environment), anonymous reading, the rate limit; checked at start.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../domain/errors.js';
import { ROLES, type Role } from './roles.js';
import { SHA256_HEX, TOKEN_PATTERN } from './tokens.js';

/** One configured token: who it is, what it may do, the SHA-256 of its secret, and when it stops working. */
export interface TokenEntry {
  readonly name: string;
  readonly role: Role;
  /** Lower-case hex SHA-256 of the token. */
  readonly sha256: string;
  /** ISO date-time from which the token is refused; none: it does not expire. */
  readonly expires?: string;
}

/** Requests a minute allowed per token, and per client address for anonymous requests. */
export interface RateLimit {
  readonly perToken: number;
  readonly perAnonymous: number;
}

/** Everything the server needs to authenticate and limit requests. */
export interface AuthConfig {
  /** Tokens by their SHA-256 (a presented token is hashed and looked up, never compared one by one). */
  readonly tokens: ReadonlyMap<string, TokenEntry>;
  /** Whether a request without a token may read (queries). Writes always need a token. */
  readonly anonymousRead: boolean;
  /** The per-minute limits, or false for none. */
  readonly rateLimit: RateLimit | false;
}

/** Default limits: generous for scripts and the dashboard, low enough to stop a runaway loop. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perToken: 600, perAnonymous: 300 };

/** The environment variables read by `loadAuthConfig`. */
export const AUTH_ENV = {
  tokensFile: 'ARMSGRAPH_TOKENS_FILE',
  tokens: 'ARMSGRAPH_TOKENS',
  anonymousRead: 'ARMSGRAPH_ANONYMOUS_READ',
  rateLimit: 'ARMSGRAPH_RATE_LIMIT',
} as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

const TokenEntrySchema = z.strictObject({
  name: z.string().regex(NAME, 'must be 1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit'),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  sha256: z
    .string()
    .refine((v) => !TOKEN_PATTERN.test(v), 'holds a token, not its SHA-256: configure only hashes (armsgraph token new prints one)')
    .toLowerCase()
    .regex(SHA256_HEX, 'must be the SHA-256 of the token as 64 hex digits (armsgraph token new prints it)'),
  expires: z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone, e.g. 2027-01-01T00:00:00Z' }).optional(),
});

/** Where a raw token list came from, to name it in errors: a file (with the line of a path when known) or a variable. */
interface Origin {
  readonly file: string;
  readonly lineOf?: (path: readonly PropertyKey[]) => number | null;
}

/** "entry 2 (ci)": an entry as a person finds it (1-based, with its name when it has one). */
function entryLabel(index: number, raw: unknown): string {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' && NAME.test(name) ? `entry ${index + 1} (${name})` : `entry ${index + 1}`;
}

/** Checks a parsed token list: every problem of every entry, then duplicate names and hashes. */
export function checkTokenList(raw: unknown, origin: Origin): TokenEntry[] {
  const issue = (path: readonly PropertyKey[], field: string, message: string): ValidationIssue => ({
    file: origin.file, line: origin.lineOf?.(path) ?? null, field, message,
  });
  if (!Array.isArray(raw)) throw new ValidationError([issue([], '', 'must be a list of tokens: { name, role, sha256, expires? }')]);
  const issues: ValidationIssue[] = [];
  const entries: TokenEntry[] = [];
  raw.forEach((item, i) => {
    const parsed = TokenEntrySchema.safeParse(item);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    for (const zi of parsed.error.issues) {
      if (zi.code === 'unrecognized_keys') {
        for (const key of zi.keys) issues.push(issue([i, key], `${entryLabel(i, item)} ${key}`, 'unknown field (a token has name, role, sha256 and expires)'));
        continue;
      }
      const key = zi.path[0];
      const missing = key !== undefined && (item as Record<PropertyKey, unknown> | null)?.[key] === undefined;
      const field = key === undefined ? entryLabel(i, item) : `${entryLabel(i, item)} ${String(key)}`;
      issues.push(issue([i, ...zi.path], field, key === undefined ? 'must be a mapping { name, role, sha256, expires? }' : missing ? 'is required' : zi.message));
    }
  });
  const names = new Map<string, number>();
  const hashes = new Map<string, number>();
  raw.forEach((item, i) => {
    const entry = TokenEntrySchema.safeParse(item);
    if (!entry.success) return;
    const { name, sha256 } = entry.data;
    if (names.has(name)) issues.push(issue([i, 'name'], `${entryLabel(i, item)} name`, `is also the name of entry ${names.get(name)! + 1}: names must be unique`));
    else names.set(name, i);
    if (hashes.has(sha256)) issues.push(issue([i, 'sha256'], `${entryLabel(i, item)} sha256`, `is also the hash of entry ${hashes.get(sha256)! + 1}: one token, one entry`));
    else hashes.set(sha256, i);
  });
  // In file order, as a person fixes them (a stable sort: issues without a line keep their order, last).
  issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  if (issues.length > 0) throw new ValidationError(issues);
  return entries;
}

/** Reads a token file's text (YAML, or JSON, which YAML reads too); errors name the file, the line, the entry and the field. */
export function parseTokensFile(text: string, file: string): TokenEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Without pretty errors the message holds no source text (which could hold a secret); the line comes from `pos`.
    throw new ValidationError(doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, field: '', message: e.message.split('\n')[0]! })));
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  return checkTokenList(doc.toJS() ?? [], { file, lineOf });
}

/** Reads `name:role:sha256[:expires]` items, comma-separated (the expiry may hold colons: it is the rest of the item). */
export function parseTokensEnv(value: string, variable: string = AUTH_ENV.tokens): TokenEntry[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const raw = items.map((item) => {
    const [name, role, sha256, ...rest] = item.split(':');
    return { name, role, sha256, ...(rest.length > 0 && { expires: rest.join(':') }) };
  });
  return checkTokenList(raw, { file: variable });
}

/** Reads a per-minute limit: `off`, one number for all, or `TOKEN,ANONYMOUS`; unset gives the defaults. */
export function parseRateLimit(value: string | undefined, variable: string = AUTH_ENV.rateLimit): RateLimit | false {
  if (value === undefined || value.trim() === '') return DEFAULT_RATE_LIMIT;
  const text = value.trim().toLowerCase();
  if (text === 'off' || text === 'false' || text === '0') return false;
  const numbers = text.split(',').map((s) => s.trim());
  const valid = numbers.length <= 2 && numbers.every((n) => /^[1-9]\d{0,8}$/.test(n));
  if (!valid) {
    throw new ValidationError([{ file: variable, line: null, field: '', message: 'must be off, a number of requests a minute, or two (per token,per anonymous address), e.g. 600,300' }]);
  }
  const [perToken, perAnonymous = perToken] = numbers.map(Number) as [number, number?];
  return { perToken, perAnonymous };
}

/** Reads a boolean switch: true/false (also 1/0, yes/no, on/off); unset gives `fallback`. */
export function parseSwitch(value: string | undefined, variable: string, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ValidationError([{ file: variable, line: null, field: '', message: 'must be true or false' }]);
}

/** Builds a configuration from token entries; a name or hash given twice (file and environment) is an error. */
export function authConfig(options: { tokens?: readonly TokenEntry[]; anonymousRead?: boolean; rateLimit?: RateLimit | false } = {}): AuthConfig {
  const tokens = new Map<string, TokenEntry>();
  const names = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const entry of options.tokens ?? []) {
    if (names.has(entry.name)) issues.push({ file: 'tokens', line: null, field: `token ${entry.name}`, message: 'is configured twice (file and environment)' });
    else if (tokens.has(entry.sha256)) issues.push({ file: 'tokens', line: null, field: `token ${entry.name}`, message: 'has the hash of another token' });
    names.add(entry.name);
    tokens.set(entry.sha256, entry);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { tokens, anonymousRead: options.anonymousRead ?? true, rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT };
}

/**
 * Reads the configuration from the environment (and the token file it names). Called at server start, so a bad
 * entry stops the server with an error naming the file or variable, the entry and the field.
 */
export async function loadAuthConfig(env: Readonly<Record<string, string | undefined>> = process.env): Promise<AuthConfig> {
  const file = env[AUTH_ENV.tokensFile];
  const fromFile = file ? parseTokensFile(await readTokenFile(file), file) : [];
  const fromEnv = env[AUTH_ENV.tokens] ? parseTokensEnv(env[AUTH_ENV.tokens]!) : [];
  return authConfig({
    tokens: [...fromFile, ...fromEnv],
    anonymousRead: parseSwitch(env[AUTH_ENV.anonymousRead], AUTH_ENV.anonymousRead, true),
    rateLimit: parseRateLimit(env[AUTH_ENV.rateLimit]),
  });
}

async function readTokenFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ValidationError([{ file, line: null, field: '', message: `cannot read the token file (${AUTH_ENV.tokensFile}): ${reason}` }]);
  }
}
