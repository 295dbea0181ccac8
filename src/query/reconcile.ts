// Reconciliation semantics (issue [14]): committed (Kiel), delivered (SIPRI) and claimed (seed) side by side, like with like.
import type { AidCommitment, Citation, SipriDelivery, Transfer, TransferStatus, TransferKind, WeaponSystem } from '../domain/model.js';
import { factSource, type FactSource } from '../domain/provenance.js';
import { mayOverlap, type DayWindow } from '../domain/time.js';
import { itemClassOf } from './backfills.js';

/** What a reconciliation groups by: the system family, or the kind of unit (Kiel's weapon category). */
export const RECONCILE_BY = ['FAMILY', 'CATEGORY'] as const;
/** One of {@link RECONCILE_BY}. */
export type ReconcileBy = (typeof RECONCILE_BY)[number];

/**
 * How a row's delivered units compare with its committed count: all delivered, some, none seen, or deliveries
 * with no commitment seen; CLAIMED_ONLY when only articles speak of the flow.
 */
export const RECONCILE_STATUSES = [
  'DELIVERED_IN_FULL', 'PARTLY_DELIVERED', 'COMMITTED_NOT_SEEN_DELIVERED', 'DELIVERED_NOT_SEEN_COMMITTED', 'CLAIMED_ONLY',
] as const;
/** One of {@link RECONCILE_STATUSES}. */
export type ReconcileStatus = (typeof RECONCILE_STATUSES)[number];

/** Whether the committed and delivered counts agree; ONE_SOURCE when only one of Kiel and SIPRI counts the row. */
export type ReconcileAgreement = 'AGREES' | 'DISAGREES' | 'ONE_SOURCE';

/** One fact behind a figure: what it says, the source it comes from, and its citations. */
export interface ReconcileFact {
  readonly id: string;
  readonly source: FactSource;
  /** The units it counts in the window (null when the source gives no number). */
  readonly count: number | null;
  /** The fact in words, as its source puts it. */
  readonly text: string;
  readonly citations: readonly Citation[];
}

/** An article's claim about the flow (a seed transfer): directly to the recipient, or a backfill that enables one. */
export interface ReconcileClaim extends ReconcileFact {
  readonly supplier: string;
  readonly recipient: string;
  readonly status: TransferStatus;
  readonly kind: TransferKind;
  /** DIRECT: the claim is a transfer to the recipient; BACKFILL: it replenishes the donor for one (`backfills`). */
  readonly role: 'DIRECT' | 'BACKFILL';
  readonly backfills: readonly string[];
  /** The quantity as the article gives it ("dozens"). */
  readonly quantity: string;
}

/** SIPRI's units delivered in one year of the window, summed over the row's deals. */
export interface ReconcileYear {
  readonly year: number;
  /** Null when some deal's row gives no number for the year. */
  readonly units: number | null;
  /** True when SIPRI marks any of the year's numbers or the year itself as an estimate. */
  readonly estimated: boolean;
  readonly transfers: readonly string[];
}

/** Two facts from different sources about the same flow: linked, never merged. */
export interface Corroboration {
  readonly from: string;
  readonly fromSource: FactSource;
  readonly to: string;
  readonly toSource: FactSource;
}

/** One row: a donor, a family (or category) and a kind of unit, with every source's figures. */
export interface ReconcileRow {
  readonly donor: string;
  /** The family or system id (FAMILY), `item:<Kiel item>` for an item of no known family, or the kind of unit (CATEGORY). */
  readonly group: string;
  readonly label: string;
  /** The kind of unit every figure of the row counts ("air defence system", "SAM" for missiles, "tank" …). */
  readonly unit: string;
  readonly status: ReconcileStatus;
  /** Kiel: the units committed (null when Kiel lists none in the row). */
  readonly committed: number | null;
  /** SIPRI: the units delivered in the window (null when SIPRI records none, or gives no numbers). */
  readonly delivered: number | null;
  /** committed − delivered, when both are known. */
  readonly difference: number | null;
  readonly agreement: ReconcileAgreement;
  readonly commitments: readonly ReconcileFact[];
  readonly deliveries: readonly ReconcileFact[];
  readonly deliveredByYear: readonly ReconcileYear[];
  readonly claims: readonly ReconcileClaim[];
  readonly corroborates: readonly Corroboration[];
  /** How the sources count, when more than one counts the row (Kiel counts batteries, SIPRI systems …). */
  readonly counting: string | null;
  /** What else an analyst should know about the row (e.g. a kind of unit Kiel's weapons lists never count). */
  readonly note: string | null;
  readonly sources: readonly FactSource[];
}

/** The facts a reconciliation reads from a store, for one recipient. */
export interface ReconcileFacts {
  /** Transfers to the recipient. */
  readonly transfers: readonly Transfer[];
  /** Transfers that backfill one of them (a declared `backfills` link). */
  readonly backfills: readonly Transfer[];
  /** Aid commitments to the recipient. */
  readonly commitments: readonly AidCommitment[];
  /** Every system the facts name, and their families. */
  readonly systems: ReadonlyMap<string, WeaponSystem>;
}

/** A reconciliation's prepared options. */
export interface ReconcileOptions {
  readonly recipient: string;
  readonly by: ReconcileBy;
  readonly donors?: ReadonlySet<string>;
  readonly between?: DayWindow;
  /**
   * Without `between`: SIPRI's delivery years before this one are left out (the year of the tracker's first
   * commitment to the recipient: an earlier delivery answers none of its commitments). Undefined: every year counts.
   */
  readonly deliveriesFrom?: number;
  readonly sources: ReadonlySet<FactSource>;
}

/** Kiel's weapon categories as kinds of unit, named as the item classes name them. */
const KIEL_UNITS: Readonly<Record<string, string>> = {
  'air defense': 'air defence system', 'air defence': 'air defence system', tanks: 'tank', ifv: 'armoured fighting vehicle',
  howitzers: 'artillery', mlrs: 'MRL',
};
/** The kinds of unit Kiel's weapons lists count; anything else (missiles, aircraft …) they never do. */
const KIEL_COUNTS = new Set(Object.values(KIEL_UNITS));

/** The kind of unit a Kiel category counts. */
export function kielUnit(category: string): string {
  return KIEL_UNITS[category.trim().toLowerCase()] ?? category.trim().toLowerCase();
}

/** The kind of unit a transfer counts: SIPRI's description (or the system's category) read by the item classes. */
export function transferUnit(t: Transfer, system: WeaponSystem | undefined): string {
  const cls = itemClassOf(t, system?.category);
  if (cls.name === 'MRL') return 'MRL';
  if (cls.group === 'armoured fighting vehicle' || cls.group === 'artillery' || cls.group === 'air defence system') return cls.group;
  // Without a finer class the name is SIPRI's armament category ("Missiles", "Aircraft"): lower case like the others.
  return cls.name === 'SAM' || cls.name === 'IFV' || cls.name === 'APC' || cls.name === 'MRL' ? cls.name : cls.name.toLowerCase();
}

/** The family of a system (itself when it has none). */
function familyId(id: string, systems: ReadonlyMap<string, WeaponSystem>): string {
  return systems.get(id)?.family ?? id;
}

interface Draft {
  donor: string;
  group: string;
  label: string;
  unit: string;
  commitments: { fact: ReconcileFact; item: string }[];
  deliveries: { fact: ReconcileFact; transfer: Transfer; unitText: string; years: readonly SipriDelivery[] }[];
  claims: ReconcileClaim[];
}

const countOf = (q: { exact?: number; min?: number } | undefined) => q?.exact ?? null;

function quantityText(t: Transfer): string {
  const q = t.quantity;
  if (q === undefined) return 'no number given';
  if (q.text !== undefined) return q.text;
  if (q.exact !== undefined) return String(q.exact);
  return q.min !== undefined ? `at least ${q.min}` : `up to ${q.max}`;
}

/**
 * Builds the rows: Kiel commitments, SIPRI deliveries and article claims to the recipient, grouped by donor, family
 * (or category) and kind of unit, so that a battery is compared with SAM systems and never with missiles. Rows are
 * in donor order (by name), then label, then unit.
 */
export function reconcileRows(facts: ReconcileFacts, options: ReconcileOptions, nameOf: (id: string) => string): ReconcileRow[] {
  const { systems } = facts;
  const drafts = new Map<string, Draft>();
  const inWindow = (span: Parameters<typeof mayOverlap>[0]) => options.between === undefined || mayOverlap(span, options.between);
  const wanted = (donor: string) => options.donors === undefined || options.donors.has(donor);
  const draft = (donor: string, unit: string, system: string | undefined, item: string | undefined): Draft => {
    let group: string;
    let label: string;
    if (options.by === 'CATEGORY') {
      group = unit;
      label = unit;
    } else if (system !== undefined) {
      group = familyId(system, systems);
      label = systems.get(group)?.name ?? nameOf(group);
    } else {
      group = `item:${item ?? 'unknown'}`;
      label = item ?? 'unknown item';
    }
    const key = `${donor}\u0000${group}\u0000${unit}`;
    let d = drafts.get(key);
    if (d === undefined) {
      d = { donor, group, label, unit, commitments: [], deliveries: [], claims: [] };
      drafts.set(key, d);
    }
    return d;
  };

  if (options.sources.has('KIEL')) {
    for (const a of facts.commitments) {
      if (a.kiel?.kind !== 'WEAPONS' || a.recipient !== options.recipient || !wanted(a.donor) || !inWindow(a.date)) continue;
      const item = a.kiel.item ?? nameOf(a.system ?? '');
      const d = draft(a.donor, kielUnit(a.kiel.category ?? ''), a.system, item);
      d.commitments.push({
        item,
        fact: { id: a.id, source: 'KIEL', count: countOf(a.quantity), text: `${item} (${countOf(a.quantity) ?? '?'}), Kiel category ${a.kiel.category}`, citations: a.citations },
      });
    }
  }
  for (const t of facts.transfers) {
    const source = factSource(t);
    if (t.recipient !== options.recipient || !options.sources.has(source) || !wanted(t.supplier)) continue;
    const unit = transferUnit(t, systems.get(t.system));
    if (source === 'SIPRI') {
      const from = options.deliveriesFrom ?? -Infinity;
      const years = t.sipri!.deliveries.filter((y) => y.year >= from && inWindow({ earliest: `${y.year}-01-01`, latest: `${y.year}-12-31` }));
      if (years.length === 0) continue;
      const known = years.every((y) => y.units !== null);
      const units = known ? years.reduce((s, y) => s + (y.units ?? 0), 0) : null;
      const d = draft(t.supplier, unit, t.system, undefined);
      const deal = t.sipri!;
      d.deliveries.push({
        transfer: t,
        years,
        unitText: `${deal.description} (${deal.designation})`,
        fact: {
          id: t.id, source, count: units,
          text: `${deal.designation} (${deal.description}): ${years.map((y) => `${y.units ?? '?'}${y.unitsEstimated ? '~' : ''} in ${y.year}${y.yearEstimated ? '~' : ''}`).join(', ')}; SIPRI deal ${deal.dealId}`,
          citations: t.citations,
        },
      });
    } else if (ARTICLE_SOURCES.has(source) && inWindow(t.date)) {
      draft(t.supplier, unit, t.system, undefined).claims.push(claimOf(t, 'DIRECT', nameOf));
    }
  }
  if ([...ARTICLE_SOURCES].some((s) => options.sources.has(s))) {
    const into = new Map(facts.transfers.map((t) => [t.id, t]));
    for (const b of facts.backfills) {
      const source = factSource(b);
      if (!ARTICLE_SOURCES.has(source) || !options.sources.has(source) || !inWindow(b.date)) continue;
      // The backfill counts for the donor whose transfer to the recipient it enables.
      for (const target of b.backfills.map((id) => into.get(id)).filter((t): t is Transfer => t !== undefined)) {
        if (target.recipient !== options.recipient || !wanted(target.supplier)) continue;
        draft(target.supplier, transferUnit(b, systems.get(b.system)), b.system, undefined).claims.push(claimOf(b, 'BACKFILL', nameOf));
      }
    }
  }

  const rows = [...drafts.values()].map(finishRow);
  return rows.sort((a, b) =>
    nameOf(a.donor).localeCompare(nameOf(b.donor), 'en') || a.label.localeCompare(b.label, 'en') || a.unit.localeCompare(b.unit, 'en') ||
    (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** Where article claims come from: the curated seed, and analysts' claims written through the API. */
const ARTICLE_SOURCES: ReadonlySet<FactSource> = new Set(['SEED', 'CLAIM']);

function claimOf(t: Transfer, role: 'DIRECT' | 'BACKFILL', nameOf: (id: string) => string): ReconcileClaim {
  const text = `${nameOf(t.supplier)} → ${nameOf(t.recipient)}: ${nameOf(t.system)}, ${quantityText(t)} (${t.status.toLowerCase()}, ${t.kind.toLowerCase()}, ${t.date.edtf})`;
  return {
    id: t.id, source: factSource(t), count: countOf(t.quantity), text: role === 'BACKFILL' ? `${text}; backfills ${t.backfills.join(', ')}` : text,
    citations: t.citations, supplier: t.supplier, recipient: t.recipient, status: t.status, kind: t.kind, role, backfills: t.backfills,
    quantity: quantityText(t),
  };
}

function finishRow(d: Draft): ReconcileRow {
  const commitments = d.commitments.map((c) => c.fact).sort((a, b) => (a.id < b.id ? -1 : 1));
  const deliveries = [...d.deliveries].sort((a, b) => (a.fact.id < b.fact.id ? -1 : 1));
  const claims = [...d.claims].sort((a, b) => (a.id < b.id ? -1 : 1));
  const committed = commitments.length === 0 ? null : commitments.some((c) => c.count === null) ? null : commitments.reduce((s, c) => s + (c.count ?? 0), 0);
  const byYear = new Map<number, { units: number | null; estimated: boolean; transfers: string[] }>();
  for (const { transfer, years } of deliveries) {
    for (const y of years) {
      const cell = byYear.get(y.year) ?? { units: 0, estimated: false, transfers: [] };
      cell.units = cell.units === null || y.units === null ? null : cell.units + y.units;
      cell.estimated ||= y.unitsEstimated || y.yearEstimated;
      cell.transfers.push(transfer.id);
      byYear.set(y.year, cell);
    }
  }
  const deliveredByYear = [...byYear].sort(([a], [b]) => a - b).map(([year, c]) => ({ year, ...c }));
  const delivered = deliveries.length === 0 ? null : deliveries.some((x) => x.fact.count === null) ? null : deliveries.reduce((s, x) => s + (x.fact.count ?? 0), 0);
  const difference = committed !== null && delivered !== null ? committed - delivered : null;
  let status: ReconcileStatus;
  if (commitments.length > 0 && deliveries.length > 0) status = delivered !== null && committed !== null && delivered >= committed ? 'DELIVERED_IN_FULL' : 'PARTLY_DELIVERED';
  else if (commitments.length > 0) status = 'COMMITTED_NOT_SEEN_DELIVERED';
  else if (deliveries.length > 0) status = 'DELIVERED_NOT_SEEN_COMMITTED';
  else status = 'CLAIMED_ONLY';
  const agreement: ReconcileAgreement = commitments.length === 0 || deliveries.length === 0 ? 'ONE_SOURCE' : difference === 0 ? 'AGREES' : 'DISAGREES';

  const all: ReconcileFact[] = [...commitments, ...deliveries.map((x) => x.fact), ...claims];
  const corroborates: Corroboration[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.source !== b.source) corroborates.push({ from: a.id, fromSource: a.source, to: b.id, toSource: b.source });
    }
  }
  const counts: string[] = [];
  const kielUnits = [...new Set(d.commitments.map((c) => c.item))];
  const sipriUnits = [...new Set(deliveries.map((x) => x.unitText))];
  if (kielUnits.length > 0) counts.push(`Kiel counts ${kielUnits.map((u) => `"${u}"`).join(', ')}`);
  if (sipriUnits.length > 0) counts.push(`SIPRI counts ${sipriUnits.join(', ')}`);
  if (claims.length > 0) counts.push(`the article counts ${claims.map((c) => `"${c.quantity}"`).join(', ')}`);
  const order: readonly FactSource[] = ['KIEL', 'SIPRI', 'SEED', 'CLAIM'];
  const sources = [...new Set(all.map((f) => f.source))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const notes: string[] = [];
  if (commitments.length === 0 && !KIEL_COUNTS.has(d.unit)) notes.push(`Kiel's weapons lists count no ${d.unit} units: no commitment can be seen for them`);
  if (agreement === 'DISAGREES') {
    notes.push(`the sources disagree: Kiel ${committed ?? 'an unknown number'} committed, SIPRI ${delivered ?? 'an unknown number'} delivered${deliveredByYear.length > 0 ? ` (${deliveredByYear.map((y) => `${y.units ?? '?'} in ${y.year}`).join(', ')})` : ''}`);
  }
  if (delivered === null && deliveries.length > 0) notes.push('SIPRI gives no number for some deliveries');
  return {
    donor: d.donor, group: d.group, label: d.label, unit: d.unit, status, committed, delivered, difference, agreement,
    commitments, deliveries: deliveries.map((x) => x.fact), deliveredByYear, claims, corroborates,
    counting: sources.length > 1 ? counts.join('; ') : null,
    note: notes.length > 0 ? `${notes.join('; ')}.` : null,
    sources,
  };
}
