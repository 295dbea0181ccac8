// The audit log of writes: who changed what, when, and the record before and after; admins page through it.
import { InvalidArgumentError } from '../domain/errors.js';
import type { Role } from './roles.js';

/** One write as recorded. `before` is null for a creation, `after` null for a deletion. */
export interface AuditEntry {
  /** Position in the log (1, 2, …), what cursors point at. */
  readonly id: string;
  /** ISO date-time of the write. */
  readonly at: string;
  /** The token's name. */
  readonly who: string;
  /** The token's role when it wrote. */
  readonly role: Role;
  /** What was done, e.g. `createClaim`. */
  readonly action: string;
  /** The id of what was written. */
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What a writer hands to `append`: the entry less its position, and its time when not now. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { readonly at?: string };

/** A page of the log, newest first, shaped like the query layer's pages (`Page<AuditEntry>`). */
export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly cursors: readonly string[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** Where writes are recorded. The memory log below is the reference; a persistent one must page the same way. */
export interface AuditLog {
  /** Records a write; returns the entry as stored. */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries newest first: `first` (0–100) after the entry `after` points at (a cursor of an earlier page). */
  list(options?: { readonly first?: number; readonly after?: string | null }): Promise<AuditPage>;
}

/** Default and largest page of the audit log. */
export const AUDIT_PAGE = { default: 20, max: 100 } as const;

/** The cursor of an entry: its position, base64url-encoded (opaque to clients). */
export const auditCursor = (id: string): string => Buffer.from(`audit:${id}`).toString('base64url');

/** The position a cursor points at; a cursor of something else is a bad `after`. */
function positionOf(cursor: string): number {
  const match = /^audit:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new InvalidArgumentError('after is not a cursor of the audit log', { argument: 'after' });
  return Number(match[1]);
}

/** Checks `first`: a whole number from 0 to 100. */
export function auditPageSize(first: number | null | undefined): number {
  const size = first ?? AUDIT_PAGE.default;
  if (!Number.isInteger(size) || size < 0 || size > AUDIT_PAGE.max) {
    throw new InvalidArgumentError(`first must be a whole number from 0 to ${AUDIT_PAGE.max}, got ${size}`, { argument: 'first' });
  }
  return size;
}

const frozenCopy = <T>(value: T): T => deepFreeze(structuredClone(value));
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** An audit log held in this process (lost on restart): for tests and until a store keeps it. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const stored: AuditEntry = frozenCopy({
      id: String(this.#entries.length + 1),
      at: entry.at ?? new Date().toISOString(),
      who: entry.who,
      role: entry.role,
      action: entry.action,
      target: entry.target,
      // Copies: a writer that later changes its objects does not change the record.
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
    this.#entries.push(stored);
    return stored;
  }

  async list(options: { readonly first?: number; readonly after?: string | null } = {}): Promise<AuditPage> {
    const first = auditPageSize(options.first);
    // Newest first: position n is at index n - 1; the page after position p starts at position p - 1.
    const start = options.after ? positionOf(options.after) - 1 : this.#entries.length;
    const items: AuditEntry[] = [];
    for (let position = Math.min(start, this.#entries.length); position >= 1 && items.length < first; position -= 1) items.push(this.#entries[position - 1]!);
    const last = items[items.length - 1];
    const next = last !== undefined ? Number(last.id) - 1 : Math.min(start, this.#entries.length);
    return {
      items,
      cursors: items.map((e) => auditCursor(e.id)),
      totalCount: this.#entries.length,
      hasNextPage: next >= 1,
      hasPreviousPage: options.after != null,
    };
  }
}
