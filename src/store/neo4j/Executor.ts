// The one place that talks to neo4j-driver: sessions, auto-commit reads and transaction functions with retries, error mapping.
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { ArmsgraphError, ConflictError, InvalidArgumentError, UnavailableError } from '../../domain/errors.js';
import type { Neo4jConfig } from './config.js';

/** A parameterised Cypher statement: the text never contains values, only `$param` references. */
export interface Statement {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}

/** A result row as a plain object (integers arrive as JS numbers). */
export type Row = Record<string, unknown>;

// A transaction that ran past its timeout (e.g. on cold caches right after Neo4j restarted) is the database not
// answering in time, like an outage: clients get SERVICE_UNAVAILABLE and may retry, not an internal error.
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Maps a driver error to the project's error kinds; leaves our own errors alone. */
export function mapNeo4jError(error: unknown, what: string): Error {
  if (error instanceof ArmsgraphError) return error;
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(error);
  if (UNAVAILABLE_CODES.has(code) || /ECONNREFUSED|ECONNRESET|connect|Connection.*(closed|lost)|timed out|Pool is closed/i.test(message)) {
    return new UnavailableError(`Neo4j is unavailable (${what}): ${message.split('\n')[0]}`, { neo4jCode: code }, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new InvalidArgumentError(`the bookmark given is not one of this database's (${what}): ${message.split('\n')[0]}`, { argument: 'armsgraph-bookmark', neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(`Neo4j constraint violated (${what}): ${message.split('\n')[0]}`, { neo4jCode: code }, { cause: error });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UnavailableError(`Neo4j refused the credentials (${what}); check NEO4J_USER and NEO4J_PASSWORD`, { neo4jCode: code }, { cause: error });
  }
  return new ArmsgraphError('INTERNAL', `Neo4j error (${what}): ${message.split('\n')[0]}`, { neo4jCode: code }, { cause: error });
}

/** First wait before retrying a read that failed with a transient error (then doubled each time). */
const READ_RETRY_FIRST_DELAY_MS = 250;

/** Owns the driver; every read and write of the Neo4j store goes through it. */
export class Executor {
  private readonly driver: Driver;
  /**
   * Bookmarks of this instance's writes, passed to every session it opens: in a cluster, a read that follows a
   * load (or, later, a write) is served by a member that has seen it (causal consistency within the instance).
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** Bookmarks a request brought from a write through another instance: its reads wait until a member has seen it. */
  private readonly requestBookmarks = new AsyncLocalStorage<readonly string[]>();

  constructor(private readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: config.readRetryMs,
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs + 2_000,
      maxConnectionPoolSize: 20,
      logging: { level: 'error', logger: () => {} },
    });
  }

  /** Runs `work` with `bookmarks` added to every session it opens (with this instance's own). */
  withBookmarks<T>(bookmarks: readonly string[], work: () => T): T {
    return this.requestBookmarks.run(bookmarks, work);
  }

  /** Whether the work under way runs with bookmarks a request brought (its reads must carry them). */
  hasRequestBookmarks(): boolean {
    return (this.requestBookmarks.getStore()?.length ?? 0) > 0;
  }

  /** This instance's bookmarks: a client that carries them to another instance reads what this one wrote. */
  async lastBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    const given = this.requestBookmarks.getStore();
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(given !== undefined && given.length > 0 && { bookmarks: [...given] }),
      ...(this.config.database !== undefined && { database: this.config.database }),
    });
  }

  /** Checks that the server answers, within the connect timeout. */
  async ping(): Promise<void> {
    try {
      await this.driver.getServerInfo(this.config.database !== undefined ? { database: this.config.database } : {});
    } catch (error) {
      throw mapNeo4jError(error, 'connect');
    }
  }

  /**
   * Runs one read statement as an auto-commit transaction: RUN and PULL in one round trip, where a transaction
   * function adds BEGIN and COMMIT (a third less time per statement on this project's reads). A single statement
   * sees one consistent state either way. Transient errors are retried here as the driver retries transaction
   * functions (growing delays, while `readRetryMs` lasts); the whole read is bounded like `readWith`.
   */
  async read(statement: Statement, what = 'read'): Promise<Row[]> {
    const started = Date.now();
    const attempt = async (): Promise<Row[]> => {
      for (let delay = READ_RETRY_FIRST_DELAY_MS; ; delay *= 2) {
        const session = this.session('READ');
        try {
          const result = await session.run(statement.cypher, statement.params, { timeout: this.config.readRetryMs * 2 });
          return result.records.map((r) => r.toObject() as Row);
        } catch (error) {
          if (!neo4j.isRetryableError(error) || Date.now() - started + delay > this.config.readRetryMs) throw error;
        } finally {
          await session.close().catch(() => {});
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    };
    try {
      return await withDeadline(attempt(), this.config.readRetryMs * 3, what);
    } catch (error) {
      throw mapNeo4jError(error, what);
    }
  }

  /**
   * Runs a read transaction function; retries are bounded by `readRetryMs`, and the transaction by twice that, or by
   * `timeoutMs` for a bulk read (the projection's).
   */
  async readWith<T>(work: (tx: ManagedTransaction) => Promise<T>, what = 'read', timeoutMs = this.config.readRetryMs * 2): Promise<T> {
    const session = this.session('READ');
    try {
      return await withDeadline(session.executeRead(work, { timeout: timeoutMs }), timeoutMs + this.config.readRetryMs, what);
    } catch (error) {
      throw mapNeo4jError(error, what);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Runs a write transaction function: all its statements commit together or not at all. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, what = 'write'): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw mapNeo4jError(error, what);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Runs schema statements one by one, each in its own auto-commit transaction (schema changes require it). */
  async schema(statements: readonly string[]): Promise<void> {
    const session = this.session('WRITE');
    try {
      for (const cypher of statements) await session.run(cypher);
    } catch (error) {
      throw mapNeo4jError(error, 'schema');
    } finally {
      await session.close().catch(() => {});
    }
  }

  /**
   * Resamples every index and clears the query caches (`db.prepareForReplanning`), waiting at most `seconds`. Index
   * statistics sampled on an empty database make the planner scan the whole `Entity.id` index for a look-up by id
   * after a load, until Neo4j resamples on its own; a plan cached on a tiny graph stays too. Best effort: a user
   * without the right to run the procedure (or a server without it) keeps Neo4j's own resampling, and this returns
   * false.
   */
  async replan(seconds = 60): Promise<boolean> {
    const session = this.session('WRITE');
    try {
      await session.run('CALL db.prepareForReplanning($seconds)', { seconds: neo4j.int(seconds) });
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security.') || code === 'Neo.ClientError.Procedure.ProcedureNotFound') return false;
      throw mapNeo4jError(error, 'replan');
    } finally {
      await session.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Rejects with UnavailableError when `promise` has not settled in time (a hung socket must not hang a request). */
function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`Neo4j did not answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
