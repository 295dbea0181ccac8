// Preparing a question's input, once for every caller: dates parsed, bounds checked, names resolved, argument named.
import { InvalidArgumentError, NotFoundError } from '../domain/errors.js';
import { FACT_SOURCES, type FactSource } from '../domain/provenance.js';
import { OPEN_END, OPEN_START, parseDay, parseTimeSpan, type DayWindow } from '../domain/time.js';
import { decodeCursor, pageSize } from './pagination.js';
import type { NamePort } from './ports.js';
import { searchKey } from './search.js';
import type { DateWindowInput, PageInput, PageRequest, TransferFilter, TransferFilterInput } from './types.js';

/** Rethrows an InvalidArgumentError under another argument's name. */
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
export function pageArgs(input: PageInput | null | undefined): PageRequest {
  const first = input?.first;
  const after = input?.after;
  if (first != null) pageSize(first);
  if (after != null) decodeCursor(after);
  return { ...(first != null && { first }), ...(after != null && { after }) };
}

/** A name filter's text: like a search, it must hold a letter or digit (otherwise it would silently match everything). */
export function nameFilterText(text: string, argument = 'filter.text'): string {
  try {
    return searchKey(text);
  } catch {
    throw new InvalidArgumentError(`${argument} must contain at least one letter or digit`, { argument });
  }
}

/** Resolves an actor reference, naming the argument in the NOT_FOUND error. */
export async function actorArg(names: NamePort, ref: string, argument: string): Promise<string> {
  try {
    return await names.resolveActor(ref);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`${argument}: ${error.message}`, error.suggestions, { argument });
    throw error;
  }
}

/** Resolves a system reference, naming the argument in the NOT_FOUND error. */
export async function systemArg(names: NamePort, ref: string, argument: string): Promise<string> {
  try {
    return await names.resolveSystem(ref);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`${argument}: ${error.message}`, error.suggestions, { argument });
    throw error;
  }
}

/** An optional reference: resolved, or undefined when absent. */
export function optional(ref: string | null | undefined, resolve: (ref: string) => Promise<string>): Promise<string | undefined> {
  return ref == null ? Promise.resolve(undefined) : resolve(ref);
}

/**
 * Awaits look-ups side by side (on Neo4j each is a round trip) and, when several fail, throws the error of the
 * first in order, so the answer does not depend on which look-up finished first.
 */
export async function allInOrder<T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** A transfer filter's dates and bounds, checked without touching the store; its references still unresolved. */
export interface CheckedTransferFilter {
  readonly input: TransferFilterInput;
  readonly argument: string;
  readonly dates: Pick<TransferFilter, 'between' | 'knownAt' | 'sources'>;
}

/** A list of sources as asked (case-insensitive), each checked; undefined when none is given. */
export function sourcesArg(values: readonly string[] | null | undefined, argument: string): FactSource[] | undefined {
  if (values == null || values.length === 0) return undefined;
  return values.map((v, i) => {
    const s = v.toUpperCase();
    if (!(FACT_SOURCES as readonly string[]).includes(s)) {
      throw new InvalidArgumentError(`${argument}[${i}] must be one of ${FACT_SOURCES.join(', ')}, got "${v}"`, { argument: `${argument}[${i}]` });
    }
    return s as FactSource;
  });
}

/** Checks a transfer filter's dates and sources (first, so a bad one costs no look-up). */
export function checkTransferFilter(input: TransferFilterInput | null | undefined, argument = 'filter'): CheckedTransferFilter {
  const between = dayWindow(input?.between, `${argument}.between`);
  const knownAt = day(input?.knownAt, `${argument}.knownAt`);
  const sources = sourcesArg(input?.sources, `${argument}.sources`);
  return { input: input ?? {}, argument, dates: { ...(between && { between }), ...(knownAt && { knownAt }), ...(sources && { sources }) } };
}

/** Resolves a checked transfer filter's references (side by side, the first failing one reported). */
export async function resolveTransferFilter(names: NamePort, checked: CheckedTransferFilter): Promise<TransferFilter> {
  const { input, argument } = checked;
  const [supplier, recipient, system] = await allInOrder<[string | undefined, string | undefined, string | undefined]>([
    optional(input.supplier, (r) => actorArg(names, r, `${argument}.supplier`)),
    optional(input.recipient, (r) => actorArg(names, r, `${argument}.recipient`)),
    optional(input.system, (r) => systemArg(names, r, `${argument}.system`)),
  ]);
  return {
    ...(supplier !== undefined && { supplier }),
    ...(recipient !== undefined && { recipient }),
    ...(system !== undefined && { system }),
    ...(input.statuses?.length && { statuses: [...input.statuses] }),
    ...(input.kinds?.length && { kinds: [...input.kinds] }),
    ...checked.dates,
  };
}

/** Checks and resolves a transfer filter. */
export async function transferFilter(names: NamePort, input: TransferFilterInput | null | undefined, argument = 'filter'): Promise<TransferFilter> {
  return resolveTransferFilter(names, checkTransferFilter(input, argument));
}
