// The backfillCandidates question (issue [11]): who delivered to a recipient while being replenished in kind.
import { InvalidArgumentError } from '../../domain/errors.js';
import { EXCLUDED_BY_DEFAULT, TRANSFER_STATUSES, type Transfer, type WeaponSystem } from '../../domain/model.js';
import { OPEN_END, OPEN_START, type DayWindow } from '../../domain/time.js';
import { activeYears, backfillFit, isSecondHand, itemClassOf, yearsApart, type ItemClass } from '../backfills.js';
import { actorArg, dayWindow, sourcesArg } from '../prepare.js';
import type { EntityPort, ListPort, NamePort } from '../ports.js';
import { hopEvidence, routeCandidateOf, type HopEvidence } from '../routes/index.js';
import type { DateWindowInput } from '../types.js';

/** Years around a delivery a replenishment may fall, when none is asked; and the most that may be asked. */
export const DEFAULT_BACKFILL_YEARS = 2;
export const MAX_BACKFILL_YEARS = 5;
/** Candidates returned when none is asked, and the most. */
export const DEFAULT_BACKFILL_RESULTS = 20;
export const MAX_BACKFILL_RESULTS = 100;

/** backfillCandidates as asked. */
export interface BackfillInput {
  readonly between?: DateWindowInput | null;
  readonly years?: number | null;
  readonly first?: number | null;
  readonly sources?: readonly string[] | null;
}

/** One candidate: X delivered to the recipient while Y replenished it with comparable items. */
export interface BackfillCandidate {
  /** X, the actor in the middle. */
  readonly via: string;
  /** Y, who replenished X. */
  readonly from: string;
  /** The recipient. */
  readonly to: string;
  readonly declared: boolean;
  readonly fit: number;
  readonly itemClass: string;
  readonly gapYears: number;
  readonly replenished: HopEvidence;
  readonly delivered: HopEvidence;
}

const statuses = TRANSFER_STATUSES.filter((s) => !EXCLUDED_BY_DEFAULT.includes(s));

function bounded(value: number | null | undefined, argument: string, min: number, max: number, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new InvalidArgumentError(`${argument} must be an integer from ${min} to ${max}, got ${v}`, { argument });
  }
  return v;
}

/** A window widened by some years on each side (open ends stay open). */
function widened(years: { from: number; to: number }, by: number): DayWindow {
  return {
    from: Number.isFinite(years.from) ? `${String(Math.max(1, years.from - by)).padStart(4, '0')}-01-01` : OPEN_START,
    to: Number.isFinite(years.to) ? `${String(Math.min(9998, years.to + by)).padStart(4, '0')}-12-31` : OPEN_END,
  };
}

/**
 * Actors X that delivered to `recipient` (in `between`) while receiving comparable items from some Y within
 * `years` of those deliveries: the ring exchanges analysts look for. Declared backfill links (a transfer's
 * `backfills`) come first and are marked; then candidates by fit (class, time, second-hand stock), then by
 * balance (the smaller hop's TIV over the larger: like replaced with like), then TIV of both hops.
 */
export async function backfillCandidates(
  ports: NamePort & ListPort & EntityPort,
  recipientRef: string,
  input: BackfillInput = {},
): Promise<readonly BackfillCandidate[]> {
  const between = dayWindow(input.between, 'between');
  const years = bounded(input.years, 'years', 0, MAX_BACKFILL_YEARS, DEFAULT_BACKFILL_YEARS);
  const first = bounded(input.first, 'first', 1, MAX_BACKFILL_RESULTS, DEFAULT_BACKFILL_RESULTS);
  const sources = sourcesArg(input.sources, 'sources');
  const recipient = await actorArg(ports, recipientRef, 'recipient');
  const bySource = sources && { sources };

  const delivered = (await ports.allTransfers({ recipient, statuses, ...(between && { between }), ...bySource })).filter((t) => t.supplier !== recipient);
  const bySupplier = new Map<string, Transfer[]>();
  for (const t of delivered) {
    const l = bySupplier.get(t.supplier);
    if (l) l.push(t);
    else bySupplier.set(t.supplier, [t]);
  }
  const replenishments = await Promise.all(
    [...bySupplier].map(async ([x, out]) => {
      const span = out.map(activeYears).reduce((a, b) => ({ from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) }));
      const window = widened(span, years);
      const into = await ports.allTransfers({ recipient: x, statuses, between: window, ...bySource });
      return [x, into.filter((t) => t.supplier !== recipient && t.supplier !== x), window] as const;
    }),
  );
  // Categories of the systems of transfers without a SIPRI record (the seed's), for their class.
  const systemIds = [...new Set([...delivered, ...replenishments.flatMap(([, into]) => into)].filter((t) => !t.sipri).map((t) => t.system))];
  const systems = systemIds.length === 0 ? new Map() : await ports.nodes(systemIds);
  const categoryOf = (t: Transfer) => (systems.get(t.system)?.value as WeaponSystem | undefined)?.category;
  const classOf = new Map<Transfer, ItemClass>();
  const cls = (t: Transfer) => {
    let c = classOf.get(t);
    if (!c) classOf.set(t, (c = itemClassOf(t, categoryOf(t))));
    return c;
  };
  // A hop's evidence over a window: the deliveries to the recipient over `between`; X's replenishments over the
  // window they were looked for in (`between` widened by `years`), which may reach outside `between`.
  const evidence = (from: string, to: string, list: readonly Transfer[], window: DayWindow | undefined) =>
    hopEvidence(from, to, [...list].sort((a, b) => (a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1 : a.id < b.id ? -1 : 1)).map((t) => routeCandidateOf(t, categoryOf(t))), window);

  const out: BackfillCandidate[] = [];
  for (const [x, into, window] of replenishments) {
    const outgoing = bySupplier.get(x)!;
    // Declared: a transfer into X that says it backfills one of X's deliveries to the recipient.
    const declaredPairs = into.filter((s) => s.backfills.some((id) => outgoing.some((t) => t.id === id)));
    for (const y of new Set(declaredPairs.map((s) => s.supplier))) {
      const ss = declaredPairs.filter((s) => s.supplier === y);
      const ts = outgoing.filter((t) => ss.some((s) => s.backfills.includes(t.id)));
      const gap = Math.min(...ss.flatMap((s) => ts.map((t) => yearsApart(activeYears(s), activeYears(t)))));
      out.push({
        via: x, from: y, to: recipient, declared: true, fit: 1, itemClass: cls(ts[0]!).name, gapYears: gap,
        replenished: evidence(y, x, ss, window), delivered: evidence(x, recipient, ts, between),
      });
    }
    // Found in the data: per supplier Y and class group, the deliveries and replenishments within `years`.
    const groups = new Map<string, { ts: Set<Transfer>; ss: Set<Transfer>; same: boolean; gap: number; y: string; group: string; name: string }>();
    for (const t of outgoing) {
      const ct = cls(t);
      const yt = activeYears(t);
      for (const s of into) {
        if (declaredPairs.includes(s)) continue;
        const cs = cls(s);
        if (cs.group !== ct.group) continue;
        const gap = yearsApart(activeYears(s), yt);
        if (gap > years) continue;
        const key = `${s.supplier}|${ct.group}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { ts: new Set(), ss: new Set(), same: false, gap: Infinity, y: s.supplier, group: ct.group, name: ct.name }));
        g.ts.add(t);
        g.ss.add(s);
        // The best-fitting pair gives class and gap together: a same-class replenishment years away does not lend its
        // class to a substitute in the same year (nor the substitute its year to it).
        const same = cs.name === ct.name;
        const [fit, best] = [backfillFit(same, gap, true), backfillFit(g.same, g.gap, true)];
        if (fit > best || (fit === best && same && !g.same)) {
          g.same = same;
          g.gap = gap;
          if (same) g.name = ct.name;
        }
      }
    }
    for (const g of groups.values()) {
      out.push({
        via: x, from: g.y, to: recipient, declared: false, fit: backfillFit(g.same, g.gap, 2 * [...g.ts].filter(isSecondHand).length >= g.ts.size), itemClass: g.same ? g.name : g.group,
        gapYears: g.gap, replenished: evidence(g.y, x, [...g.ss], window), delivered: evidence(x, recipient, [...g.ts], between),
      });
    }
  }
  const tiv = (c: BackfillCandidate) => (c.delivered.tiv ?? 0) + (c.replenished.tiv ?? 0);
  // Like replaced with like in similar amounts: the smaller hop's TIV over the larger (deals when TIV is unknown).
  const balance = (c: BackfillCandidate) => {
    const [x, y] = c.delivered.tiv && c.replenished.tiv ? [c.delivered.tiv, c.replenished.tiv] : [c.delivered.deals, c.replenished.deals];
    return Math.min(x, y) / Math.max(x, y);
  };
  out.sort(
    (a, b) =>
      Number(b.declared) - Number(a.declared) || b.fit - a.fit || balance(b) - balance(a) || tiv(b) - tiv(a) ||
      (a.via < b.via ? -1 : a.via > b.via ? 1 : 0) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) ||
      (a.itemClass < b.itemClass ? -1 : a.itemClass > b.itemClass ? 1 : 0),
  );
  return out.slice(0, first);
}
