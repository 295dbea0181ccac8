// Deterministic synthetic datasets at any scale, for benchmarks: skewed suppliers, system families,
// transfers over 1950–2025 with imprecise dates, SIPRI-like deliveries with TIV, backfill links, restrictions, wars
// and citations.
import type {
  Actor, Dataset, Event, Restriction, Source, Transfer, TransferKind, TransferStatus, WeaponSystem,
} from '../../src/domain/model.js';
import { parseTimeSpan, type TimeSpan } from '../../src/domain/time.js';

/** Sizes and seed of a generated dataset. */
export interface GenerateOptions {
  /** PRNG seed: the same options always give the same dataset. */
  readonly seed?: number;
  readonly transfers: number;
  /** Default: about one actor per 120 transfers, at least 20. */
  readonly actors?: number;
  /** Default: about one system per 10 transfers, at least 10. */
  readonly systems?: number;
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const CATEGORIES = ['aircraft', 'air-defence system', 'armoured vehicle', 'artillery', 'missile', 'ship', 'sensor', 'engine'];
const STATUSES: readonly [TransferStatus, number][] = [['DELIVERED', 0.8], ['PLANNED', 0.07], ['APPROVED', 0.04], ['POTENTIAL', 0.04], ['CANCELLED', 0.03], ['DENIED', 0.02]];
const KINDS: readonly [TransferKind, number][] = [['SALE', 0.55], ['DONATION', 0.15], ['UNKNOWN', 0.2], ['LOAN', 0.03], ['REEXPORT', 0.04], ['BACKFILL', 0.03]];

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  let r = random();
  for (const [value, weight] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  return weighted[weighted.length - 1]![0];
}

/** Generates a dataset. Suppliers follow a Zipf-like law (a few export most), recipients are spread wider. */
export function generateDataset(options: GenerateOptions): Dataset {
  const random = prng(options.seed ?? 1);
  const nTransfers = options.transfers;
  const nActors = options.actors ?? Math.max(20, Math.round(nTransfers / 120));
  const nSystems = options.systems ?? Math.max(10, Math.round(nTransfers / 10));
  const spans = new Map<string, TimeSpan>();
  const span = (edtf: string) => {
    let s = spans.get(edtf);
    if (!s) spans.set(edtf, (s = parseTimeSpan(edtf)));
    return s;
  };
  const source: Source = {
    id: 'source:synthetic', title: 'Synthetic benchmark data', publisher: 'armsgraph tools/generate', publishedAt: span('2025-01-01'),
    note: `Generated with seed ${options.seed ?? 1}; not real data.`,
  };
  const cite = (note: string) => [{ source: source.id, note }];

  const actors: Actor[] = Array.from({ length: nActors }, (_, i) => ({
    id: `org:synthetic-${pad(i, 5)}`, name: `Synthetic actor ${i}`, kind: 'STATE' as const, aliases: [`SA${i}`],
  }));
  // Zipf weights for suppliers: the i-th actor exports about 1/(i+1)^1.1 as much as the first.
  const weights = actors.map((_, i) => 1 / Math.pow(i + 1, 1.1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const supplier = () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const families = Math.max(1, Math.round(nSystems / 8));
  const systems: WeaponSystem[] = Array.from({ length: nSystems }, (_, i) => {
    const isFamily = i < families;
    return {
      id: `system:synthetic-${pad(i, 6)}`, name: `Synthetic system ${i}`, category: CATEGORIES[i % CATEGORIES.length]!,
      aliases: [], citations: [],
      ...(!isFamily && { family: `system:synthetic-${pad(i % families, 6)}` }),
    };
  });

  const date = (): string => {
    const year = 1950 + Math.floor(random() * 76);
    const r = random();
    if (r < 0.55) return `${year}`;
    if (r < 0.75) return `${year}-${pad(1 + Math.floor(random() * 12))}`;
    if (r < 0.85) return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    if (r < 0.95) return year >= 2025 ? `${year}` : `${year}/${Math.min(2025, year + 1 + Math.floor(random() * 4))}`;
    return `${year}~`;
  };

  const transfers: Transfer[] = [];
  for (let i = 0; i < nTransfers; i += 1) {
    const s = supplier();
    let r = Math.floor(random() * nActors);
    if (r === s) r = (r + 1) % nActors;
    const edtf = date();
    const status = pick(random, STATUSES);
    transfers.push({
      id: `transfer:synthetic-${pad(i, 7)}`,
      supplier: actors[s]!.id, recipient: actors[r]!.id, system: systems[Math.floor(random() * nSystems)]!.id,
      quantity: { exact: 1 + Math.floor(random() * 200) }, status, kind: pick(random, KINDS), date: span(edtf),
      enabledBy: [], subjectTo: [], backfills: [], statusHistory: [], citations: cite(`synthetic deal ${i}`),
      knownSince: source.publishedAt.earliest, inferred: [],
    });
  }
  // SIPRI-like deal records (deliveries by year with TIV) on delivered transfers whose years are closed and on
  // record (to 2024), from a PRNG stream of their own so that everything else stays as it was without them.
  const dealRandom = prng(((options.seed ?? 1) ^ 0x5eed5) >>> 0);
  for (let i = 0; i < nTransfers; i += 1) {
    const t = transfers[i]!;
    const first = Number(t.date.earliest.slice(0, 4));
    const last = Number(t.date.latest.slice(0, 4));
    const tivPerUnit = Math.round((0.2 + dealRandom() ** 3 * 60) * 100) / 100;
    const units = t.quantity?.exact ?? 1;
    if (t.status !== 'DELIVERED' || last > 2024 || t.date.earliest === '0001-01-01') continue;
    const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    const perYear = Math.max(1, Math.round(units / years.length));
    transfers[i] = {
      ...t,
      sipri: {
        dealId: `synthetic-${i}`, designation: `Synthetic system ${t.system.slice(-6)}`, description: 'synthetic', category: CATEGORIES[i % CATEGORIES.length]!,
        orderYear: first - Math.floor(dealRandom() * 3), orderYearEstimated: false, condition: 'NEW', tivPerNewUnit: tivPerUnit, tivPerUnit,
        localProduction: false, release: 'synthetic',
        deliveries: years.map((year) => ({ year, yearEstimated: false, units: perYear, unitsEstimated: false, tiv: Math.round(perYear * tivPerUnit * 100) / 100 })),
      },
    };
  }
  // Backfill links: about 1% of transfers replenish the stocks of one the recipient of theirs sent on.
  const bySupplier = new Map<string, number[]>();
  transfers.forEach((t, i) => (bySupplier.get(t.supplier) ?? bySupplier.set(t.supplier, []).get(t.supplier)!).push(i));
  for (let i = 0; i < nTransfers; i += 97) {
    const onward = bySupplier.get(transfers[i]!.recipient);
    if (!onward?.length) continue;
    const j = onward[Math.floor(random() * onward.length)]!;
    transfers[i] = { ...transfers[i]!, backfills: [transfers[j]!.id] };
  }

  const events: Event[] = Array.from({ length: Math.max(2, Math.round(nActors / 25)) }, (_, i) => {
    const a = Math.floor(random() * nActors);
    const b = (a + 1 + Math.floor(random() * (nActors - 1))) % nActors;
    const start = 1950 + Math.floor(random() * 70);
    return {
      id: `event:synthetic-war-${pad(i, 4)}`, kind: 'WAR' as const, title: `Synthetic war ${i}`,
      date: span(`${start}/${Math.min(2025, start + 1 + Math.floor(random() * 8))}`), actors: [actors[a]!.id, actors[b]!.id], systems: [],
      citations: cite(`synthetic war ${i}`), knownSince: source.publishedAt.earliest, inferred: [],
    };
  });
  const restrictions: Restriction[] = Array.from({ length: Math.max(3, Math.round(nActors / 10)) }, (_, i) => {
    const by = actors[Math.floor(random() * Math.min(nActors, 30))]!.id;
    const rule = (['NO_EXPORT_TO_PARTY_AT_WAR', 'NO_ARMS_EXPORT', 'REEXPORT_REQUIRES_CONSENT'] as const)[i % 3]!;
    const start = 1960 + Math.floor(random() * 60);
    return {
      id: `restriction:synthetic-${pad(i, 4)}`, rule, title: `Synthetic rule ${i}`, imposedBy: by,
      appliesTo: rule === 'REEXPORT_REQUIRES_CONSENT' ? { origins: [by] } : { suppliers: [by] },
      ...(rule === 'REEXPORT_REQUIRES_CONSENT' && { consentOf: by }),
      inForce: span(rule === 'NO_ARMS_EXPORT' ? `${start}/${start + 5}` : `${start}/..`),
      citations: cite(`synthetic rule ${i}`), knownSince: source.publishedAt.earliest, inferred: [],
    };
  });
  return { sources: [source], actors, systems, transfers, events, restrictions, aidCommitments: [] };
}
