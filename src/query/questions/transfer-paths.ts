// The transferPaths question (DESIGN §5): prepares the options once, asks the store for candidate hops, ranks and checks.
import { InvalidArgumentError } from '../../domain/errors.js';
import { day, dayWindow, actorArg, allInOrder, optional, sourcesArg, systemArg } from '../prepare.js';
import { hopFilter, makePath, resolvePathOptions, searchPaths, type ResolvedPathOptions } from '../paths.js';
import type { CheckPort, NamePort, PathPort } from '../ports.js';
import { runInSlices } from '../slices.js';
import type { PathOptionsInput, PathResult } from '../types.js';

/** Checks path options (bounds, dates) without touching the store, naming each argument `options.<name>`. */
export function checkPathOptions(input: PathOptionsInput | null | undefined): Omit<ResolvedPathOptions, 'system'> {
  const between = dayWindow(input?.between, 'options.between');
  const knownAt = day(input?.knownAt, 'options.knownAt');
  const sources = sourcesArg(input?.sources, 'options.sources');
  try {
    const { system: _, ...resolved } = resolvePathOptions({
      ...(input?.statuses?.length && { statuses: input.statuses }),
      ...(input?.maxHops != null && { maxHops: input.maxHops }),
      ...(input?.order != null && { order: input.order }),
      ...(input?.viaBackfill != null && { viaBackfill: input.viaBackfill }),
      ...(input?.limit != null && { limit: input.limit }),
      ...(between && { between }),
      ...(knownAt && { knownAt }),
      ...(sources && { sources }),
    });
    return resolved;
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      const argument = `options.${String(error.details.argument ?? '')}`;
      throw new InvalidArgumentError(`${argument}: ${error.message}`, { argument });
    }
    throw error;
  }
}

/** Resolves `from`, `to` and `options.system` side by side; the first failing argument in order is reported. */
export async function pathEnds(
  names: NamePort,
  fromRef: string,
  toRef: string,
  systemRef: string | null | undefined,
): Promise<{ from: string; to: string; system: string | undefined }> {
  const [from, to, system] = await allInOrder<[string, string, string | undefined]>([
    actorArg(names, fromRef, 'from'),
    actorArg(names, toRef, 'to'),
    optional(systemRef, (r) => systemArg(names, r, 'options.system')),
  ]);
  if (from === to) throw new InvalidArgumentError('from and to must be different actors', { argument: 'to' });
  return { from, to, system };
}

/**
 * Transfer paths from one actor to another: simple, ordered by the order rule, ranked (hops, arrival, ids),
 * `truncated` when more exist than `limit`, each with the rules that bear on it.
 */
export async function transferPaths(
  ports: NamePort & PathPort & CheckPort,
  fromRef: string,
  toRef: string,
  input?: PathOptionsInput | null,
): Promise<PathResult> {
  const checked = checkPathOptions(input);
  const { from, to, system } = await pathEnds(ports, fromRef, toRef, input?.system);
  const options: ResolvedPathOptions = { ...checked, ...(system !== undefined && { system }) };
  return pathsBetween(ports, from, to, options);
}

/** Paths between resolved actors under resolved options (the CLI's fallback search reuses it). */
export async function pathsBetween(ports: PathPort & CheckPort, from: string, to: string, options: ResolvedPathOptions): Promise<PathResult> {
  const graph = await ports.pathCandidates(from, to, options.maxHops, hopFilter(options));
  const ranked = await runInSlices(() => searchPaths(from, to, options, graph));
  if (ranked.paths.length === 0) return { paths: [], truncated: ranked.truncated };
  const stubs = ranked.paths.flat().map((h) => h.transfer);
  let from0 = stubs[0]!.date.earliest;
  let to0 = stubs[0]!.date.latest;
  for (const t of stubs) {
    if (t.date.earliest < from0) from0 = t.date.earliest;
    if (t.date.latest > to0) to0 = t.date.latest;
  }
  const ctx = await ports.checkContext({
    actors: [...new Set(stubs.flatMap((t) => [t.supplier, t.recipient]))],
    systems: [...new Set([...stubs.map((t) => t.system), ...(options.system !== undefined ? [options.system] : [])])],
    window: { from: from0, to: to0 },
    transfers: [...new Set(stubs.map((t) => t.id))],
  });
  const paths = ranked.paths.map((hops) =>
    makePath(
      hops.map(({ transfer, via }) => {
        const t = ctx.transfers.get(transfer.id)!;
        return { transfer: t, from: t.supplier, to: t.recipient, via };
      }),
      options.system,
      ctx,
    ),
  );
  return { paths, truncated: ranked.truncated };
}
