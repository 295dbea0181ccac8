// Maps SIPRI rows (one per deal and delivery year) to a Dataset: one Transfer per deal, citing the release.
import type { Actor, Citation, Dataset, Quantity, SipriDeal, SipriDelivery, Source, Transfer } from '../../domain/model.js';
import { parseTimeSpan, type TimeSpan } from '../../domain/time.js';
import type { IssueCollector } from '../issues.js';
import { slugify } from '../slug.js';
import type { SipriColumn, SipriRow } from './columns.js';
import { SipriPartyResolver, toActor, type SipriParty } from './countries.js';
import { SystemCatalog } from './systems.js';

/** What the SIPRI release is called and when it was published. */
export interface SipriRelease {
  /** As SIPRI writes it, e.g. "12 Feb 2026". */
  readonly release: string;
  /** ISO day, e.g. "2026-02-12". */
  readonly releaseDay: string;
}

/** Options of the mapper. */
export interface SipriMapOptions {
  readonly release: SipriRelease;
  readonly issues: IssueCollector;
  /** System ids a designation must not take (e.g. the seed's), unless it is the family. */
  readonly reservedSystemIds?: Iterable<string>;
  /**
   * When true (default), names that resolve to no actor are validation issues. When false, each becomes an
   * UNKNOWN actor `unknown:<slug>` and is only listed in `unresolved`.
   */
  readonly strictNames?: boolean;
}

/** The mapped dataset and what went into it. */
export interface SipriMapResult {
  readonly dataset: Dataset;
  readonly deals: number;
  readonly deliveryRows: number;
  readonly unresolved: readonly { readonly name: string; readonly lines: readonly number[] }[];
}

/** Fields every row of one deal must repeat identically, with the column each comes from. */
const DEAL_FIELDS: readonly (readonly [keyof SipriRow, SipriColumn])[] = [
  ['supplier', 'Supplier'], ['recipient', 'Recipient'], ['designation', 'Designation'], ['description', 'Description'],
  ['armamentCategory', 'Armament category'], ['orderYear', 'Order date'], ['orderYearEstimated', 'Order date is estimate'],
  ['condition', 'Status'], ['tivPerNewUnit', 'SIPRI estimate'], ['tivPerUnit', 'TIV deal unit'], ['localProduction', 'Local production'],
];

interface DealDraft {
  readonly first: SipriRow;
  readonly deliveries: SipriDelivery[];
  readonly years: Map<number, number>;
  readonly supplier: SipriParty | undefined;
  readonly recipient: SipriParty | undefined;
}

/** The Source every imported transfer cites: one per SIPRI release. */
export function sipriSource(release: SipriRelease): Source {
  return {
    id: `source:sipri-at-db-${release.releaseDay}`,
    title: 'SIPRI Arms Transfers Database',
    publisher: 'Stockholm International Peace Research Institute (SIPRI)',
    url: 'https://www.sipri.org/databases/armstransfers',
    publishedAt: parseTimeSpan(release.releaseDay),
    note: `Trade-register CSV export, data generated ${release.release}.`,
  };
}

/**
 * The EDTF span of a deal: from the order year (or first delivery) to the last delivery year, each end
 * marked `~` when SIPRI flags that year as an estimate; one year when both ends are the same
 * (`2011~/2013`, `2022`, `2024~`).
 */
export function dealEdtf(orderYear: number | null, orderEstimated: boolean, deliveries: readonly SipriDelivery[]): string | undefined {
  const ends: { year: number; estimated: boolean }[] = deliveries.map((d) => ({ year: d.year, estimated: d.yearEstimated }));
  if (orderYear !== null) ends.push({ year: orderYear, estimated: orderEstimated });
  if (ends.length === 0) return undefined;
  ends.sort((a, b) => a.year - b.year);
  const lo = ends[0]!;
  const hi = ends[ends.length - 1]!;
  // Several ends can share the first or last year; the year is approximate when any of them says so.
  const loEst = ends.some((e) => e.year === lo.year && e.estimated);
  const hiEst = ends.some((e) => e.year === hi.year && e.estimated);
  if (lo.year === hi.year) return `${lo.year}${loEst || hiEst ? '~' : ''}`;
  return `${lo.year}${loEst ? '~' : ''}/${hi.year}${hiEst ? '~' : ''}`;
}

/** Accumulates rows as they stream and builds the Dataset at the end. */
export class SipriDatasetBuilder {
  private readonly deals = new Map<string, DealDraft>();
  private readonly parties = new SipriPartyResolver();
  private readonly spans = new Map<string, TimeSpan>();
  private deliveryRows = 0;

  constructor(private readonly options: SipriMapOptions) {}

  /** Adds one validated row; disagreements with earlier rows of the same deal become issues. */
  add(row: SipriRow): void {
    const { issues } = this.options;
    // Resolved on every row (cached) so that unresolved names list all their lines.
    const supplier = this.parties.resolve(row.supplier, row.line);
    const recipient = this.parties.resolve(row.recipient, row.line);
    let deal = this.deals.get(row.dealId);
    if (deal === undefined) {
      deal = { first: row, deliveries: [], years: new Map(), supplier, recipient };
      if (supplier !== undefined && supplier.id === recipient?.id) {
        issues.add(row.line, 'Recipient', `supplier and recipient are the same party (${supplier.id})`);
      }
      this.deals.set(row.dealId, deal);
    } else {
      for (const [field, column] of DEAL_FIELDS) {
        if (row[field] !== deal.first[field]) {
          issues.add(row.line, column, `deal ${row.dealId} has ${JSON.stringify(deal.first[field])} on line ${deal.first.line} but ${JSON.stringify(row[field])} here: the rows of one deal must agree`);
        }
      }
    }
    if (row.deliveryYear === null) {
      if (row.orderYear === null) issues.add(row.line, 'Order date', 'expected an order date or a delivery year, found neither');
      return;
    }
    const earlier = deal.years.get(row.deliveryYear);
    if (earlier !== undefined) {
      issues.add(row.line, 'Delivery year', `deal ${row.dealId} already has a row for ${row.deliveryYear} on line ${earlier}`);
      return;
    }
    deal.years.set(row.deliveryYear, row.line);
    this.deliveryRows++;
    deal.deliveries.push({
      year: row.deliveryYear,
      yearEstimated: row.deliveryYearEstimated,
      units: row.unitsDelivered,
      unitsEstimated: row.unitsEstimated,
      tiv: row.tivDelivered,
    });
  }

  /**
   * parseTimeSpan, cached. A `YYYY/YYYY` interval is composed from its two (cached) years exactly as
   * parseTimeSpan composes it, because the EDTF grammar is slow to run once per deal.
   */
  private span(edtf: string): TimeSpan {
    let span = this.spans.get(edtf);
    if (span === undefined) {
      const slash = edtf.indexOf('/');
      if (slash < 0) {
        span = parseTimeSpan(edtf);
      } else {
        const lo = this.span(edtf.slice(0, slash));
        const hi = this.span(edtf.slice(slash + 1));
        span = { edtf, earliest: lo.earliest, latest: hi.latest, precision: 'RANGE', approximate: lo.approximate || hi.approximate, uncertain: lo.uncertain || hi.uncertain };
      }
      this.spans.set(edtf, span);
    }
    return span;
  }

  /**
   * Builds the Dataset: actors and systems the deals use, one Transfer per deal sorted by deal number.
   * Throws ValidationError with every issue (rows, disagreeing deals, unresolved names) when there is any.
   */
  finish(): SipriMapResult {
    const { issues, release } = this.options;
    const strict = this.options.strictNames ?? true;
    const unresolved = this.parties.unresolved;
    const fallback = new Map<string, SipriParty>();
    for (const { name, lines } of unresolved) {
      if (strict) {
        const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ` and ${lines.length - 10} more` : '');
        issues.add(lines[0] ?? null, 'Supplier/Recipient', `unknown country or party ${JSON.stringify(name)} on line${lines.length === 1 ? '' : 's'} ${shown}: add its ISO code to SIPRI_STATES in src/import/sipri/party-names.ts`);
      } else {
        const id = `unknown:${slugify(name) || 'party'}`;
        fallback.set(name, { id, name, kind: 'UNKNOWN', aliases: [], sipriName: name, note: 'SIPRI name that armsgraph could not resolve.' });
      }
    }

    // A file with any issue yields no dataset (and without a release there is no source to cite).
    issues.throwIfAny();
    const source = sipriSource(release);
    const catalog = new SystemCatalog({ source: source.id, ...(this.options.reservedSystemIds !== undefined && { reservedIds: this.options.reservedSystemIds }) });
    for (const deal of this.deals.values()) catalog.add(deal.first.designation, deal.first.description);
    const systems = catalog.build();

    const actors = new Map<string, Actor>();
    const use = (party: SipriParty): string => {
      const known = actors.get(party.id);
      if (known === undefined) actors.set(party.id, toActor(party));
      else if (!known.aliases.includes(party.sipriName) && known.name !== party.sipriName) {
        // Two SIPRI spellings of one state ("UK", "United Kingdom"): keep both as aliases.
        actors.set(party.id, { ...known, aliases: [...known.aliases, party.sipriName] });
      }
      if (party.countryParty !== undefined) use(party.countryParty);
      return party.id;
    };

    const transfers: Transfer[] = [];
    const dealIds = [...this.deals.keys()].sort((a, b) => Number(a) - Number(b));
    for (const dealId of dealIds) {
      const deal = this.deals.get(dealId)!;
      const { first } = deal;
      const supplier = deal.supplier ?? fallback.get(first.supplier);
      const recipient = deal.recipient ?? fallback.get(first.recipient);
      const edtf = dealEdtf(first.orderYear, first.orderYearEstimated, deal.deliveries);
      if (supplier === undefined || recipient === undefined || edtf === undefined) continue;
      deal.deliveries.sort((a, b) => a.year - b.year);
      const sipri: SipriDeal = {
        dealId,
        designation: first.designation,
        description: first.description,
        category: first.armamentCategory,
        orderYear: first.orderYear,
        orderYearEstimated: first.orderYearEstimated,
        condition: first.condition,
        tivPerNewUnit: first.tivPerNewUnit,
        tivPerUnit: first.tivPerUnit,
        localProduction: first.localProduction,
        deliveries: deal.deliveries,
        release: release.release,
      };
      const citation: Citation = { source: source.id, note: `SIPRI AT Database deal ${dealId}`, locator: `deal ${dealId}` };
      const quantity = quantityOf(deal.deliveries);
      transfers.push({
        id: `transfer:sipri-${dealId}`,
        supplier: use(supplier),
        recipient: use(recipient),
        system: systems.idOf(first.designation, first.description),
        ...(quantity !== undefined && { quantity }),
        // Every row of this export records a delivery; a deal with none is ordered but not yet delivered.
        status: deal.deliveries.length > 0 ? 'DELIVERED' : 'PLANNED',
        // SIPRI does not say whether a deal is a sale, a donation or a loan.
        kind: 'UNKNOWN',
        date: this.span(edtf),
        enabledBy: [],
        subjectTo: [],
        backfills: [],
        statusHistory: [],
        citations: [citation],
        knownSince: source.publishedAt.earliest,
        inferred: [],
        sipri,
      });
    }

    const dataset: Dataset = {
      sources: [source],
      actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      systems: systems.systems,
      transfers,
      events: [],
      restrictions: [],
      aidCommitments: [],
    };
    return { dataset, deals: this.deals.size, deliveryRows: this.deliveryRows, unresolved };
  }
}

/** Units delivered: exact when every delivery row gives a number, a minimum when only some do. */
function quantityOf(deliveries: readonly SipriDelivery[]): Quantity | undefined {
  const known = deliveries.filter((d) => d.units !== null);
  if (known.length === 0) return undefined;
  const sum = known.reduce((total, d) => total + (d.units ?? 0), 0);
  return known.length === deliveries.length ? { exact: sum } : { min: sum };
}
