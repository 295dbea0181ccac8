// Timeline semantics (DESIGN §3, §5): entries from events, transfers, status changes, restrictions and aid.
import type { AidCommitment, Dataset } from '../domain/model.js';
import { believedAt, factSource } from '../domain/provenance.js';
import { compareSpans, mayOverlap } from '../domain/time.js';
import type { TimelineEntry, TimelineFilter } from './types.js';
import type { Hierarchy } from './hierarchy.js';

function unique(values: Iterable<string | undefined>): string[] {
  return [...new Set([...values].filter((v): v is string => v !== undefined))];
}

function amountText(amount: { min?: number; max?: number; text?: string }, currency = '$'): string {
  if (amount.text) return amount.text;
  const fmt = (n: number) => `${currency}${n.toLocaleString('en-US')}`;
  if (amount.min !== undefined && amount.min === amount.max) return fmt(amount.min);
  if (amount.min !== undefined && amount.max !== undefined) return `${fmt(amount.min)}–${fmt(amount.max)}`;
  return amount.min !== undefined ? `at least ${fmt(amount.min)}` : `up to ${fmt(amount.max!)}`;
}

/** An aid commitment's title: weapons by count and item, money in its currency. */
function aidTitle(a: AidCommitment, name: (id: string) => string): string {
  if (a.kiel?.kind === 'WEAPONS') return `${name(a.donor)} commits ${a.quantity?.exact ?? ''} × ${a.kiel.item ?? name(a.system ?? '')} to ${name(a.recipient)} (Kiel)`;
  const amount = a.amountUsd !== undefined ? amountText(a.amountUsd) : a.amountEur !== undefined ? amountText(a.amountEur, '€') : 'aid';
  if (a.kiel?.kind === 'MONTHLY') return `${name(a.donor)}: ${amount} in aid to ${name(a.recipient)} in ${a.kiel.month} (Kiel)`;
  return `${name(a.donor)} commits ${amount} in aid to ${name(a.recipient)}`;
}

/** A fact's known time: since when, and until when if it was retracted or corrected. */
const known = (f: { knownSince: string; knownUntil?: string }) => ({
  knownSince: f.knownSince,
  ...(f.knownUntil !== undefined && { knownUntil: f.knownUntil }),
});

/** Builds every timeline entry of a dataset, in timeline order. */
export function timelineEntries(dataset: Dataset): TimelineEntry[] {
  const names = new Map<string, string>();
  for (const a of dataset.actors) names.set(a.id, a.name);
  for (const s of dataset.systems) names.set(s.id, s.name);
  const name = (id: string) => names.get(id) ?? id;
  const entries: TimelineEntry[] = [];
  for (const e of dataset.events) {
    entries.push({
      id: e.id, kind: e.kind, title: e.title, date: e.date, ...known(e), subjectType: 'Event', subject: e.id, source: factSource(e),
      actors: unique(e.actors), systems: unique(e.systems), citations: e.citations,
    });
  }
  for (const t of dataset.transfers) {
    const route = `${name(t.supplier)} → ${name(t.recipient)}: ${name(t.system)}`;
    entries.push({
      id: t.id, kind: 'TRANSFER', title: `${route} (${t.status.toLowerCase()}, ${t.kind.toLowerCase()})`, date: t.date,
      ...known(t), subjectType: 'Transfer', subject: t.id, source: factSource(t),
      actors: [t.supplier, t.recipient], systems: [t.system], citations: t.citations,
    });
    t.statusHistory.forEach((h, i) => {
      entries.push({
        id: `${t.id}#status-${i + 1}`, kind: 'STATUS_CHANGE', title: `${route}: status ${h.status}`, date: h.date,
        knownSince: h.knownSince, ...(t.knownUntil !== undefined && { knownUntil: t.knownUntil }), subjectType: 'Transfer', subject: t.id, source: factSource(t),
        actors: [t.supplier, t.recipient], systems: [t.system], citations: h.citations,
      });
    });
  }
  for (const r of dataset.restrictions) {
    const s = r.appliesTo;
    entries.push({
      id: r.id, kind: 'RESTRICTION', title: `${r.title} (${r.rule})`, date: r.inForce, ...known(r),
      subjectType: 'Restriction', subject: r.id, source: factSource(r),
      actors: unique([r.imposedBy, ...(s.suppliers ?? []), ...(s.recipients ?? []), ...(s.origins ?? []), r.consentOf]),
      systems: unique(s.systems ?? []), citations: r.citations,
    });
  }
  for (const a of dataset.aidCommitments) {
    entries.push({
      id: a.id, kind: 'AID_COMMITMENT', title: aidTitle(a, name),
      date: a.date, ...known(a), subjectType: 'AidCommitment', subject: a.id, source: factSource(a),
      actors: [a.donor, a.recipient], systems: a.system === undefined ? [] : [a.system], citations: a.citations,
    });
  }
  return entries.sort(compareEntries);
}

/** Timeline order: earliest, then latest, then id — stable and total. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return compareSpans(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Compiles a timeline filter into a predicate (actors include their parts; systems their family). */
export function timelinePredicate(filter: TimelineFilter, actors: Hierarchy, systems: Hierarchy): (e: TimelineEntry) => boolean {
  const actorSet = filter.actors?.length ? new Set(filter.actors.flatMap((a) => [...actors.descendantsOrSelf(a)])) : undefined;
  const systemSet = filter.systems?.length ? new Set(filter.systems.flatMap((s) => [...systems.descendantsOrSelf(s)])) : undefined;
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
  const sources = filter.sources?.length ? new Set(filter.sources) : undefined;
  return (e) =>
    (sources === undefined || sources.has(e.source)) &&
    (actorSet === undefined || e.actors.some((a) => actorSet.has(a))) &&
    (systemSet === undefined || e.systems.some((s) => systemSet.has(s))) &&
    (kinds === undefined || kinds.has(e.kind)) &&
    (filter.between === undefined || mayOverlap(e.date, filter.between)) &&
    believedAt(e, filter.knownAt);
}
