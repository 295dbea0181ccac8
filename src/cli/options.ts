// Shared pieces of the CLI commands: global options, output, opening a store, argument parsers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError as CommanderArgumentError } from 'commander';
import { InvalidArgumentError, NotFoundError } from '../domain/errors.js';
import { EMPTY_DATASET, TRANSFER_STATUSES, type Dataset, type TransferStatus } from '../domain/model.js';
import { importKiel, importSipri, mergeDatasets, type ImportSipriSummary } from '../import/index.js';
import { loadSeedDir } from '../seeds/index.js';
import { ROUTE_ORDERS, type Entity, type PathOrder, type RouteOrderBy } from '../query/index.js';
import { MemoryStore, Neo4jStore, type GraphStore } from '../store/index.js';
import type { NameOf } from './format.js';

/** The seed directory shipped with the package. */
export const DEFAULT_SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** Options every command shares. */
export interface GlobalOptions {
  readonly seeds: string;
  readonly sipri?: string;
  readonly kiel?: string;
  readonly json: boolean;
  readonly store: 'memory' | 'neo4j';
}

/** Prints lines to stdout. */
export function print(lines: string | readonly string[]): void {
  process.stdout.write(`${typeof lines === 'string' ? lines : lines.join('\n')}\n`);
}

/** Prints a value as indented JSON. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a SIPRI export, printing progress to stderr; the seed's system ids stay reserved. */
export async function readSipri(file: string, seed: Dataset, quiet: boolean): Promise<{ dataset: Dataset; summary: ImportSipriSummary }> {
  const result = await importSipri(file, {
    reservedSystemIds: seed.systems.map((x) => x.id),
    ...(!quiet && { onProgress: (rows: number) => process.stderr.write(`armsgraph: read ${rows} rows of ${path.basename(file)}\n`) }),
  });
  return result;
}

/** The seeds, merged with a SIPRI export (`--sipri`) and a Kiel tracker release (`--kiel`) when given. */
export async function buildDataset(options: GlobalOptions): Promise<Dataset> {
  const seed = await loadSeedDir(options.seeds);
  let merged = seed;
  if (options.sipri) merged = mergeDatasets(merged, (await readSipri(options.sipri, seed, true)).dataset);
  if (options.kiel) merged = mergeDatasets(merged, (await importKiel(options.kiel)).dataset);
  return merged;
}

/**
 * What a store already holds from one import (SIPRI's transfers or a Kiel release's commitments) with the actors,
 * systems and sources they name: importing the other dataset keeps it (a Neo4j store outlives a command).
 */
export async function heldImport(store: GraphStore, source: 'SIPRI' | 'KIEL'): Promise<Dataset> {
  const transfers = source === 'SIPRI' ? (await store.allTransfers({})).filter((t) => t.sipri !== undefined) : [];
  const aidCommitments = source === 'KIEL' ? (await store.aidCommitments()).filter((a) => a.kiel !== undefined) : [];
  const wanted = new Set<string>();
  for (const t of transfers) [t.supplier, t.recipient, t.system, ...t.citations.map((c) => c.source)].forEach((id) => wanted.add(id));
  for (const a of aidCommitments) [a.donor, a.recipient, a.system, ...a.citations.map((c) => c.source)].forEach((id) => id !== undefined && wanted.add(id));
  const found = new Map<string, Entity>();
  // Families, countries and parents are read level by level until nothing new is named.
  for (let ids = [...wanted]; ids.length > 0;) {
    const nodes = await store.nodes(ids);
    const next = new Set<string>();
    for (const [id, e] of nodes) {
      found.set(id, e);
      const refs = e.type === 'WeaponSystem' ? [e.value.family] : e.type === 'Actor' ? [e.value.partOf, e.value.country] : [];
      for (const ref of refs) if (ref !== undefined && !found.has(ref)) next.add(ref);
    }
    ids = [...next];
  }
  const of = <T extends Entity['type']>(type: T) =>
    [...found.values()].filter((e): e is Extract<Entity, { type: T }> => e.type === type).map((e) => e.value as Extract<Entity, { type: T }>['value']);
  return { ...EMPTY_DATASET, sources: of('Source'), actors: of('Actor'), systems: of('WeaponSystem'), transfers, aidCommitments };
}

/** Opens the chosen store: memory is filled from the seeds (and --sipri, --kiel); Neo4j answers from what it holds. */
export async function openStore(options: GlobalOptions): Promise<GraphStore> {
  if (options.store === 'neo4j') return Neo4jStore.connect();
  const store = new MemoryStore();
  await store.load(await buildDataset(options));
  return store;
}

/** Runs a command body with a store, closing the store (and its driver) afterwards. */
export async function withStore<T>(options: GlobalOptions, body: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Looks up display names of the given ids, for human-readable output. */
export async function namer(store: GraphStore, ids: Iterable<string>): Promise<NameOf> {
  const nodes = await store.nodes([...new Set(ids)]);
  return (id) => {
    const e = nodes.get(id);
    return e && 'name' in e.value ? e.value.name : id;
  };
}

/** Parses --order (any, time-respecting, strict). */
export const parseOrder = (value: string): PathOrder => {
  const v = value.toUpperCase().replace(/-/g, '_');
  if (v === 'ANY' || v === 'TIME_RESPECTING' || v === 'STRICT') return v;
  throw new CommanderArgumentError('expected any, time-respecting or strict');
};
/** Parses --order-by for routes (evidence, recent, earliest-arrival, fewest-hops). */
export const parseRouteOrderBy = (value: string): RouteOrderBy => {
  const v = value.toUpperCase().replace(/-/g, '_');
  if ((ROUTE_ORDERS as readonly string[]).includes(v)) return v as RouteOrderBy;
  throw new CommanderArgumentError(`expected ${ROUTE_ORDERS.map((o) => o.toLowerCase().replace(/_/g, '-')).join(', ')}`);
};
/** Parses an integer option. */
export const parseInteger = (value: string): number => {
  if (!/^-?\d+$/.test(value)) throw new CommanderArgumentError('expected an integer');
  return Number(value);
};
/** Parses a number option (decimals allowed). */
export const parseNumber = (value: string): number => {
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(value.trim())) throw new CommanderArgumentError('expected a number');
  return Number(value);
};
/** Parses a comma-separated list; the option may also be repeated (`--via PL,CZ` or `--via PL --via CZ`). */
export const parseList = (value: string, previous: readonly string[] = []): string[] => [
  ...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== ''),
];
/** Parses a comma-separated list of transfer statuses. */
export const parseStatuses = (value: string): TransferStatus[] =>
  value.split(',').map((s) => {
    const v = s.trim().toUpperCase();
    if (!(TRANSFER_STATUSES as readonly string[]).includes(v)) throw new CommanderArgumentError(`expected statuses among ${TRANSFER_STATUSES.join(', ')}`);
    return v as TransferStatus;
  });
/** Collects a repeatable option into a list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];


/**
 * An argument error reworded in CLI terms: the question modules name arguments as the API does (`options.via[0]`,
 * `periods[1]`); `rename` rewrites the message to name the flag a user typed (`--via`, `--periods`). The error
 * keeps its kind, suggestions and details, with the flag at the message's start as its argument. Other errors,
 * and messages `rename` leaves as they are, pass through.
 */
export function inFlagTerms(error: unknown, rename: (message: string) => string): unknown {
  if (!(error instanceof InvalidArgumentError || error instanceof NotFoundError)) return error;
  const message = rename(error.message);
  if (message === error.message) return error;
  const argument = /^(--[\w-]+)/.exec(message)?.[1] ?? error.details.argument;
  const renamed = error instanceof NotFoundError
    ? new NotFoundError(message, error.suggestions, { ...error.details, argument })
    : new InvalidArgumentError(message, { ...error.details, argument });
  renamed.stack = error.stack;
  return renamed;
}

/** Runs a command's body, its argument errors reworded by `rename` (see `inFlagTerms`). */
export async function withFlagTerms<T>(rename: (message: string) => string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw inFlagTerms(error, rename);
  }
}
