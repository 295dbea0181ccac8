// Who the dashboard writes as: the editor's token pasted into the sign-in, kept in this tab's sessionStorage (never
// the URL), sent by every request, and checked with `me` when it is set and when the page opens.
import { gql, GraphQLRequestError, setBearerToken } from '../api/client.js';
import { ME_QUERY } from '../api/queries.js';
import type { Principal } from '../api/types.js';

/** The sessionStorage key of the token. */
export const TOKEN_KEY = 'armsgraph.token';

/** Whether a principal may write claims (editors and admins). */
export const canWrite = (who: Principal | undefined): boolean => who !== undefined && (who.role === 'EDITOR' || who.role === 'ADMIN');

/** The words for a refused token: the server's reason, said plainly. */
export function refusalText(error: unknown): string {
  if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') return `The server refused this token: ${error.message}`;
  if (error instanceof GraphQLRequestError) return `Could not check the token: ${error.message} (${error.code})`;
  return `Could not check the token: ${error instanceof Error ? error.message : String(error)}`;
}

/** The signed-in token and who it is; tells its listeners of every change. */
export class AuthSession {
  private current: string | undefined;
  private who: Principal | undefined;
  private readonly listeners = new Set<() => void>();

  /** The token in use, if any. */
  get token(): string | undefined {
    return this.current;
  }

  /** Who the token is (undefined while signed out). */
  get principal(): Principal | undefined {
    return this.who;
  }

  /** Calls `listener` after each sign-in and sign-out. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /**
   * Takes up the token kept in this tab, if any; a token the server refuses (revoked, expired) is forgotten and its
   * refusal returned, so the page goes on as the anonymous reader.
   */
  async restore(): Promise<string | undefined> {
    const kept = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
    if (kept === undefined) return undefined;
    try {
      await this.signIn(kept);
      return undefined;
    } catch (error) {
      return refusalText(error);
    }
  }

  /** Uses `token` from now on once `me` accepts it; throws (the token forgotten) when the server refuses it. */
  async signIn(token: string): Promise<Principal> {
    const trimmed = token.trim();
    setBearerToken(trimmed);
    try {
      const { me } = await gql(ME_QUERY);
      this.current = trimmed;
      this.who = me;
      sessionStorage.setItem(TOKEN_KEY, trimmed);
      this.changed();
      return me;
    } catch (error) {
      this.signOut();
      throw error;
    }
  }

  /** Forgets the token: requests go out without one (the anonymous reader). */
  signOut(): void {
    const was = this.current;
    setBearerToken(undefined);
    sessionStorage.removeItem(TOKEN_KEY);
    this.current = undefined;
    this.who = undefined;
    if (was !== undefined) this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
