// CLI command `armsgraph token new`: makes an API token, prints it once with the configuration that holds its hash.
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { AUTH_ENV, ROLES, checkTokenList, hashToken, newToken, type Role, type TokenEntry } from '../auth/index.js';
import { InvalidArgumentError, ValidationError } from '../domain/errors.js';
import { print, printJson, type GlobalOptions } from './options.js';

/** `--expires`: a day (its midnight, UTC) or an ISO date-time with a time zone, in the future. */
export function parseExpiry(value: string, now: Date = new Date()): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const at = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(at)) {
    throw new InvalidArgumentError(`--expires must be a day (2027-01-31) or an ISO date-time with a time zone (2027-01-31T18:00:00Z), got "${value}"`);
  }
  if (at <= now.getTime()) throw new InvalidArgumentError(`--expires ${value} is not in the future`);
  return iso;
}

/** A new token and its configuration entry, checked as the server will check it. */
export function makeToken(name: string, role: Role, expires?: string): { token: string; entry: TokenEntry } {
  const token = newToken();
  const entry: TokenEntry = { name, role, sha256: hashToken(token), ...(expires !== undefined && { expires }) };
  try {
    checkTokenList([entry], { file: 'armsgraph token new' });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new InvalidArgumentError(error.issues.map((i) => `--${i.field.split(' ').pop()} ${i.message}`).join('; '));
  }
  return { token, entry };
}

/** The configuration of an entry: an item of ARMSGRAPH_TOKENS, and a YAML list item for ARMSGRAPH_TOKENS_FILE. */
export function tokenConfig(entry: TokenEntry): { env: string; yaml: string } {
  const env = [entry.name, entry.role, entry.sha256, ...(entry.expires !== undefined ? [entry.expires] : [])].join(':');
  return { env, yaml: stringify([entry]) };
}

/** Registers `token new`. */
export function registerTokenCommand(program: Command, globals: () => GlobalOptions): void {
  const token = program.command('token').description('API tokens for the server: who may read, write and read the audit log (docs/auth.md)');
  token
    .command('new')
    .description('make a new API token; prints it once, with the configuration that holds only its SHA-256')
    .requiredOption('--name <name>', 'who holds it, as the audit log records writes (letters, digits, . _ - @)')
    .addOption(new Option('--role <role>', 'reader | editor (may write) | admin (may also read the audit log)').choices(ROLES).makeOptionMandatory())
    .option('--expires <date>', 'when it stops working: a day (midnight UTC) or an ISO date-time with a time zone')
    .action((o: { name: string; role: Role; expires?: string }) => {
      const { token: secret, entry } = makeToken(o.name, o.role, o.expires === undefined ? undefined : parseExpiry(o.expires));
      const { env, yaml } = tokenConfig(entry);
      if (globals().json) return printJson({ token: secret, ...entry, env, yaml });
      print([
        `token for ${entry.name} (${entry.role}${entry.expires ? `, expires ${entry.expires}` : ''}); it is shown only now, keep it somewhere safe:`,
        '',
        `  ${secret}`,
        '',
        `The server keeps only its SHA-256. Configure it in ${AUTH_ENV.tokens} (comma-separated with others):`,
        '',
        `  ${AUTH_ENV.tokens}=${env}`,
        '',
        `or as an entry of the YAML list in ${AUTH_ENV.tokensFile}:`,
        '',
        yaml.trimEnd().replace(/^/gm, '  '),
        '',
        'Send it as the header  Authorization: Bearer <token>  (never in a URL).',
      ]);
    });
}
