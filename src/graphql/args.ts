// Turns GraphQL arguments into store queries: aliases resolved, dates parsed, bounds checked, argument named on error.
import { InvalidArgumentError } from '../domain/errors.js';
import type { TransferKind, TransferStatus } from '../domain/model.js';
import { OPEN_END, OPEN_START, parseDay, parseTimeSpan, type DayWindow } from '../domain/time.js';
import { decodeCursor, MAX_SEARCH_RESULTS, pageSize, resolvePathOptions, searchKey, type ResolvedPathOptions } from '../query/index.js';
import { MAX_SUBGRAPH_DEPTH, type GraphStore, type PageRequest, type PathOrder, type TimelineFilter, type TimelineKind, type TransferFilter } from '../store/index.js';

export interface DateWindowInput {
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface TransferFilterInput {
  readonly supplier?: string | null;
  readonly recipient?: string | null;
  readonly system?: string | null;
  readonly statuses?: TransferStatus[] | null;
  readonly kinds?: TransferKind[] | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
}

export interface PathOptionsInput {
  readonly system?: string | null;
  readonly statuses?: TransferStatus[] | null;
  readonly maxHops?: number | null;
  readonly order?: PathOrder | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
  readonly viaBackfill?: boolean | null;
  readonly limit?: number | null;
}

export interface TimelineFilterInput {
  readonly actors?: string[] | null;
  readonly systems?: string[] | null;
  readonly kinds?: TimelineKind[] | null;
  readonly between?: DateWindowInput | null;
  readonly knownAt?: string | null;
}

function renamed(argument: string, error: unknown): never {
  if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`${argument}: ${error.message.replace(/^\w+: /, '')}`, { argument });
  throw error;
}

/** A window of days from EDTF bounds; `from` counts from its first day, `to` to its last. */
export function dayWindow(input: DateWindowInput | null | undefined, argument: string): DayWindow | undefined {
  if (!input || (input.from == null && input.to == null)) return undefined;
  let from = OPEN_START;
  let to = OPEN_END;
  try {
    if (input.from != null) from = parseTimeSpan(input.from).earliest;
  } catch (error) {
    renamed(`${argument}.from`, error);
  }
  try {
    if (input.to != null) to = parseTimeSpan(input.to).latest;
  } catch (error) {
    renamed(`${argument}.to`, error);
  }
  if (from > to) throw new InvalidArgumentError(`${argument}: from (${input.from}) is after to (${input.to})`, { argument });
  return { from, to };
}

/** A calendar day argument, or undefined. */
export function day(value: string | null | undefined, argument: string): string | undefined {
  return value == null ? undefined : parseDay(value, argument);
}

/** Checks `first`/`after` (a cursor this API issued) before anything reaches the store. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined): PageRequest {
  if (first != null) pageSize(first);
  if (after != null) decodeCursor(after);
  return { ...(first != null && { first }), ...(after != null && { after }) };
}

/** Checks a neighbourhood depth (0–4) before any actor is resolved or any transfer read. */
export function depthArg(depth: number | null | undefined): number | undefined {
  if (depth == null) return undefined;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_SUBGRAPH_DEPTH) {
    throw new InvalidArgumentError(`depth must be an integer from 0 to ${MAX_SUBGRAPH_DEPTH}, got ${depth}`, { argument: 'depth' });
  }
  return depth;
}

/** Checks a search's text (some letter or digit) and `first` (1–100) before the store scans any name. */
export function searchArgs(text: string, first: number | null | undefined): { text: string; limit: number } {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS) {
    throw new InvalidArgumentError(`first must be an integer from 1 to ${MAX_SEARCH_RESULTS}, got ${limit}`, { argument: 'first' });
  }
  searchKey(text);
  return { text, limit };
}

/** A name filter's text: like a search, it must hold a letter or digit (otherwise it would silently match everything). */
export function nameFilterText(text: string): string {
  try {
    searchKey(text);
  } catch {
    throw new InvalidArgumentError('filter.text must contain at least one letter or digit', { argument: 'filter.text' });
  }
  return text;
}

/** Resolves the actor and system references of a transfer filter and parses its dates. */
export async function transferFilter(store: GraphStore, input: TransferFilterInput | null | undefined, argument = 'filter'): Promise<TransferFilter> {
  if (!input) return {};
  const between = dayWindow(input.between, `${argument}.between`);
  const knownAt = day(input.knownAt, `${argument}.knownAt`);
  return {
    ...(input.supplier != null && { supplier: await store.resolveActor(input.supplier) }),
    ...(input.recipient != null && { recipient: await store.resolveActor(input.recipient) }),
    ...(input.system != null && { system: await store.resolveSystem(input.system) }),
    ...(input.statuses?.length && { statuses: input.statuses }),
    ...(input.kinds?.length && { kinds: input.kinds }),
    ...(between && { between }),
    ...(knownAt && { knownAt }),
  };
}

/** Checks path options (bounds, dates) without touching the store; the system is resolved separately. */
export function pathOptions(input: PathOptionsInput | null | undefined): Omit<ResolvedPathOptions, 'system'> & { systemRef?: string } {
  const between = dayWindow(input?.between, 'options.between');
  const knownAt = day(input?.knownAt, 'options.knownAt');
  let resolved: ResolvedPathOptions;
  try {
    resolved = resolvePathOptions({
      ...(input?.statuses?.length && { statuses: input.statuses }),
      ...(input?.maxHops != null && { maxHops: input.maxHops }),
      ...(input?.order != null && { order: input.order }),
      ...(input?.viaBackfill != null && { viaBackfill: input.viaBackfill }),
      ...(input?.limit != null && { limit: input.limit }),
      ...(between && { between }),
      ...(knownAt && { knownAt }),
    });
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      const argument = `options.${String(error.details.argument ?? '')}`;
      throw new InvalidArgumentError(`${argument}: ${error.message}`, { argument });
    }
    throw error;
  }
  return { ...resolved, ...(input?.system != null && { systemRef: input.system }) };
}

/** Resolves a timeline filter's references and dates. */
export async function timelineFilter(store: GraphStore, input: TimelineFilterInput | null | undefined): Promise<TimelineFilter> {
  if (!input) return {};
  const between = dayWindow(input.between, 'filter.between');
  const knownAt = day(input.knownAt, 'filter.knownAt');
  return {
    ...(input.actors?.length && { actors: await Promise.all(input.actors.map((a) => store.resolveActor(a))) }),
    ...(input.systems?.length && { systems: await Promise.all(input.systems.map((s) => store.resolveSystem(s))) }),
    ...(input.kinds?.length && { kinds: input.kinds }),
    ...(between && { between }),
    ...(knownAt && { knownAt }),
  };
}
