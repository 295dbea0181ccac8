// Builds small hand-made datasets for tests: every fact gets a default citation and parsed dates.
import type {
  Actor, ActorKind, AidCommitment, Citation, Dataset, Event, EventKind, Restriction, RestrictionRule, Source, Transfer,
  TransferKind, TransferStatus, WeaponSystem,
} from '../../src/domain/model.js';
import { parseTimeSpan } from '../../src/domain/time.js';

export const TEST_SOURCE: Source = {
  id: 'source:test',
  title: 'Test source',
  publisher: 'armsgraph tests',
  publishedAt: parseTimeSpan('2020-01-01'),
};

const cite = (quote = 'test'): Citation[] => [{ source: TEST_SOURCE.id, quote }];

export interface TransferSpec {
  id: string;
  from: string;
  to: string;
  system?: string;
  date: string;
  status?: TransferStatus;
  kind?: TransferKind;
  backfills?: string[];
  knownSince?: string;
}

export function transfer(spec: TransferSpec): Transfer {
  return {
    id: spec.id.startsWith('transfer:') ? spec.id : `transfer:${spec.id}`,
    supplier: spec.from,
    recipient: spec.to,
    system: spec.system ?? 'system:s',
    status: spec.status ?? 'DELIVERED',
    kind: spec.kind ?? 'SALE',
    date: parseTimeSpan(spec.date),
    enabledBy: [],
    subjectTo: [],
    backfills: (spec.backfills ?? []).map((b) => (b.startsWith('transfer:') ? b : `transfer:${b}`)),
    statusHistory: [],
    citations: cite(),
    knownSince: spec.knownSince ?? '2020-01-01',
    inferred: [],
  };
}

export function actor(id: string, name = id, aliases: string[] = [], kind: ActorKind = 'STATE', partOf?: string): Actor {
  return { id, name, kind, aliases, ...(partOf !== undefined && { partOf }) };
}

export function system(id: string, name: string, family?: string, aliases: string[] = []): WeaponSystem {
  return { id, name, category: 'test', aliases, citations: [], ...(family !== undefined && { family }) };
}

export function event(id: string, kind: EventKind, date: string, actors: string[], knownSince = '2020-01-01', systems: string[] = []): Event {
  return { id, kind, title: id, date: parseTimeSpan(date), actors, systems, citations: cite(), knownSince, inferred: [] };
}

export function restriction(
  id: string,
  rule: RestrictionRule,
  imposedBy: string,
  inForce: string,
  appliesTo: Restriction['appliesTo'],
  consentOf?: string,
): Restriction {
  return {
    id, rule, title: id, imposedBy, appliesTo, inForce: parseTimeSpan(inForce), citations: cite(), knownSince: '2020-01-01', inferred: [],
    ...(consentOf !== undefined && { consentOf }),
  };
}

export function aid(id: string, donor: string, recipient: string, date: string): AidCommitment {
  return {
    id, donor, recipient, amountUsd: { min: 1 }, categories: ['HUMANITARIAN'], date: parseTimeSpan(date), citations: cite(),
    knownSince: '2020-01-01', inferred: [],
  };
}

/** Assembles a dataset; actors named in transfers are created when not given. */
export function dataset(parts: {
  actors?: Actor[];
  systems?: WeaponSystem[];
  transfers?: Transfer[];
  events?: Event[];
  restrictions?: Restriction[];
  aidCommitments?: AidCommitment[];
}): Dataset {
  const actors = new Map((parts.actors ?? []).map((a) => [a.id, a]));
  for (const t of parts.transfers ?? []) {
    for (const id of [t.supplier, t.recipient]) if (!actors.has(id)) actors.set(id, actor(id));
  }
  const systems = parts.systems ?? [system('system:s', 'S')];
  return {
    sources: [TEST_SOURCE],
    actors: [...actors.values()],
    systems,
    transfers: parts.transfers ?? [],
    events: parts.events ?? [],
    restrictions: parts.restrictions ?? [],
    aidCommitments: parts.aidCommitments ?? [],
  };
}

/** A transfer carrying a SIPRI deal with deliveries [year, units, tiv]. */
export function sipriTransfer(
  id: string,
  from: string,
  to: string,
  system: string,
  deliveries: [year: number, units: number | null, tiv: number | null][],
  category = 'Missiles',
  orderYear?: number,
): Transfer {
  const years = deliveries.map((d) => d[0]);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const start = orderYear ?? first;
  const base = transfer({ id, from, to, system, date: start === last ? `${start}` : `${start}/${last}` });
  return {
    ...base,
    sipri: {
      dealId: id, designation: system, description: 'test', category, orderYear: start, orderYearEstimated: false,
      condition: 'NEW', tivPerNewUnit: null, tivPerUnit: null, localProduction: false, release: '12 Feb 2026',
      deliveries: deliveries.map(([year, units, tiv]) => ({ year, yearEstimated: false, units, unitsEstimated: false, tiv })),
    },
  };
}
