// The reconcile question (issue [14]): a recipient's committed, delivered and claimed units per donor and family.
import { InvalidArgumentError } from '../../domain/errors.js';
import type { WeaponSystem } from '../../domain/model.js';
import { FACT_SOURCES, type FactSource } from '../../domain/provenance.js';
import { actorArg, dayWindow, sourcesArg } from '../prepare.js';
import type { CommitmentPort, EntityPort, ListPort, NamePort } from '../ports.js';
import { RECONCILE_BY, reconcileRows, type ReconcileBy, type ReconcileOptions, type ReconcileRow } from '../reconcile.js';
import type { DateWindowInput } from '../types.js';

/** The most donors one question may name. */
export const MAX_RECONCILE_DONORS = 100;

/** reconcile as asked. */
export interface ReconcileInput {
  readonly by?: string | null;
  readonly donors?: readonly string[] | null;
  readonly between?: DateWindowInput | null;
  readonly sources?: readonly string[] | null;
}

/** The answer: the rows, and the prepared question they answer. */
export interface Reconciliation {
  readonly recipient: string;
  readonly by: ReconcileBy;
  readonly sources: readonly FactSource[];
  /** Without `between`, the year SIPRI's deliveries are counted from (the tracker's first commitment); else null. */
  readonly deliveriesFrom: number | null;
  readonly rows: readonly ReconcileRow[];
}

function checkBy(value: string | null | undefined): ReconcileBy {
  const by = (value ?? 'FAMILY').toUpperCase();
  if (!(RECONCILE_BY as readonly string[]).includes(by)) {
    throw new InvalidArgumentError(`by must be one of ${RECONCILE_BY.join(', ')}, got "${value}"`, { argument: 'by' });
  }
  return by as ReconcileBy;
}

function checkSources(values: readonly string[] | null | undefined): FactSource[] {
  return sourcesArg(values, 'sources') ?? [...FACT_SOURCES];
}

/**
 * Reconciles what donors committed to `recipient` (Kiel), what SIPRI records as delivered and what the articles
 * claim, per donor and family (or category) and kind of unit. Bad `by`, `sources`, `donors` or `between` fail
 * before any look-up; names resolve as everywhere (id or alias, did-you-mean).
 */
export async function reconcile(
  ports: NamePort & EntityPort & ListPort & CommitmentPort, recipientRef: string, input: ReconcileInput = {},
): Promise<Reconciliation> {
  const by = checkBy(input.by);
  const sources = checkSources(input.sources);
  const between = dayWindow(input.between, 'between');
  if ((input.donors?.length ?? 0) > MAX_RECONCILE_DONORS) {
    throw new InvalidArgumentError(`donors: at most ${MAX_RECONCILE_DONORS} donors, got ${input.donors!.length}`, { argument: 'donors' });
  }
  const recipient = await actorArg(ports, recipientRef, 'recipient');
  const donors = input.donors == null || input.donors.length === 0
    ? undefined
    : new Set(await Promise.all(input.donors.map((d, i) => actorArg(ports, d, `donors[${i}]`))));

  const [transfers, commitments] = await Promise.all([ports.allTransfers({ recipient }), ports.aidCommitments(recipient)]);
  const backfills = await ports.backfillsOf(transfers.map((t) => t.id));
  const systemIds = new Set<string>();
  for (const t of [...transfers, ...backfills]) systemIds.add(t.system);
  for (const a of commitments) if (a.system !== undefined) systemIds.add(a.system);
  const systems = new Map<string, WeaponSystem>();
  const read = async (ids: Iterable<string>) => {
    for (const [id, e] of await ports.nodes([...ids])) if (e.type === 'WeaponSystem') systems.set(id, e.value);
  };
  await read(systemIds);
  await read([...systems.values()].map((s) => s.family).filter((f): f is string => f !== undefined && !systems.has(f)));
  const actorIds = new Set<string>([recipient]);
  for (const t of [...transfers, ...backfills]) actorIds.add(t.supplier).add(t.recipient);
  for (const a of commitments) actorIds.add(a.donor);
  const names = new Map<string, string>();
  for (const [id, e] of await ports.nodes([...actorIds])) if ('name' in e.value) names.set(id, e.value.name);
  for (const s of systems.values()) names.set(s.id, s.name);
  // Without a window, deliveries count from the year of the tracker's first commitment to the recipient: SIPRI's
  // deliveries to Ukraine from 2018 answer no commitment Kiel tracks from 2022.
  const tracked = commitments.filter((a) => a.kiel?.kind === 'WEAPONS').map((a) => Number(a.date.earliest.slice(0, 4)));
  const deliveriesFrom = between === undefined && sources.includes('KIEL') && tracked.length > 0 ? Math.min(...tracked) : undefined;
  const options: ReconcileOptions = {
    recipient, by, sources: new Set(sources), ...(donors !== undefined && { donors }), ...(between !== undefined && { between }),
    ...(deliveriesFrom !== undefined && { deliveriesFrom }),
  };
  const rows = reconcileRows({ transfers, backfills, commitments, systems }, options, (id) => names.get(id) ?? id);
  return { recipient, by, sources, deliveriesFrom: deliveriesFrom ?? null, rows };
}
