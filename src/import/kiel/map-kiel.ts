// Maps the rows of a Kiel release to a Dataset: a commitment per weapons item and per donor-month, citing file and row.
import type { Actor, AidCategory, AidCommitment, Citation, Dataset, Source, WeaponSystem } from '../../domain/model.js';
import { parseTimeSpan, type TimeSpan } from '../../domain/time.js';
import type { IssueCollector } from '../issues.js';
import { slugify } from '../slug.js';
import { KIEL_ATTRIBUTION, KIEL_FILES } from './columns.js';
import { actorIdOfIso, resolveKielDonor } from './donors.js';
import { familyOfItem, parseWeaponsList } from './items.js';
import type { KielRecordRow } from './read-csv.js';

/** A release as release_info.csv names it. */
export interface KielRelease {
  /** "29" */
  readonly release: string;
  /** The period covered, as EDTF month ("2026-04"; the file writes "04/2026"). */
  readonly period: string;
  /** Publication day, ISO ("2026-08-04"). */
  readonly date: string;
  readonly label: string;
}

/** The Source every fact of a release cites. */
export function kielSource(release: KielRelease): Source {
  return {
    id: `source:kiel-ust-release-${slugify(release.release)}`,
    title: release.label || `Ukraine Support Tracker, Release ${release.release}`,
    publisher: 'Kiel Institute for the World Economy',
    url: 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/',
    publishedAt: parseTimeSpan(release.date),
    note: `Release ${release.release}, period ${release.period}, CSV files as the tracker's website publishes them. ${KIEL_ATTRIBUTION}.`,
  };
}

/** The recipient of every Kiel commitment. */
const UKRAINE = 'UA';
/** The tracker counts support from 24 January 2022. */
const TRACKER_START = '2022-01-24';

/** Names that could not be mapped, with their lines. */
export interface KielUnmapped {
  readonly name: string;
  readonly lines: readonly number[];
}

/** What the builder made. */
export interface KielMapResult {
  readonly dataset: Dataset;
  readonly weaponRows: number;
  readonly items: number;
  readonly months: number;
  readonly zeroMonths: number;
  /** Items that belong to no known system family (kept as commitments without a system). */
  readonly unmappedItems: readonly KielUnmapped[];
}

const money = (billions: number) => Math.round(billions * 1e9);

/** Accumulates validated rows of the three files and builds the Dataset. */
export class KielDatasetBuilder {
  private readonly actors = new Map<string, Actor>();
  private readonly systems = new Map<string, WeaponSystem>();
  private readonly commitments = new Map<string, AidCommitment>();
  private readonly unmapped = new Map<string, number[]>();
  private readonly weaponKeys = new Map<string, number>();
  private readonly monthKeys = new Map<string, number>();
  private weaponRows = 0;
  private items = 0;
  private months = 0;
  private zeroMonths = 0;
  private readonly source: Source;
  /** parseTimeSpan, cached: the EDTF grammar is slow to run once per row, and a release has a few dozen months. */
  private readonly spans = new Map<string, TimeSpan>();
  private span(edtf: string): TimeSpan {
    let span = this.spans.get(edtf);
    if (span === undefined) this.spans.set(edtf, (span = parseTimeSpan(edtf)));
    return span;
  }

  constructor(private readonly release: KielRelease) {
    this.source = kielSource(release);
    const ukraine = resolveKielDonor('Ukraine');
    if (ukraine !== undefined) this.actors.set(ukraine.id, ukraine);
  }

  private donor(name: string, line: number, field: string, issues: IssueCollector): Actor | undefined {
    if (name === '') {
      issues.add(line, field, 'empty: expected the donor\'s name');
      return undefined;
    }
    const actor = resolveKielDonor(name);
    if (actor === undefined) {
      issues.add(line, field, `unknown donor ${JSON.stringify(name)}: not a state or party armsgraph knows (add its spelling to KIEL_DONOR_NAMES in src/import/kiel/donors.ts)`);
      return undefined;
    }
    if (actor.id === UKRAINE) {
      issues.add(line, field, 'Ukraine is the recipient of every commitment, not a donor');
      return undefined;
    }
    const known = this.actors.get(actor.id);
    if (known === undefined) this.actors.set(actor.id, actor);
    else if (known.name !== name && !known.aliases.includes(name)) this.actors.set(actor.id, { ...known, aliases: [...known.aliases, name] });
    return actor;
  }

  private cite(file: string, line: number, note: string): Citation[] {
    return [{ source: this.source.id, locator: `${file}:${line}`, note: `Kiel UST release ${this.release.release}, ${file} line ${line}: ${note}` }];
  }

  /** Adds one weapons.csv row: a commitment per item of its list. */
  addWeapons(row: KielRecordRow, issues: IssueCollector): void {
    const file = KIEL_FILES.weapons;
    const { line, cells } = row;
    if (row.width < 5) {
      issues.add(line, row.width === 0 ? 'donor' : ['donor', 'category', 'number_of_weapons', 'monetary_value_eur', 'weapons_list'][row.width]!, `row has ${row.width} of 5 cells: truncated`);
      return;
    }
    if (row.width > 5) issues.add(line, 'weapons_list', `row has ${row.width} cells, expected 5 (an unquoted comma in a cell?)`);
    this.weaponRows++;
    const before = issues.size;
    const donor = this.donor(cells.donor!, line, 'donor', issues);
    const category = cells.category!;
    if (category === '') issues.add(line, 'category', 'empty: expected a weapon category such as "Air Defense"');
    const total = cells.number_of_weapons!;
    if (!/^\d+$/.test(total)) issues.add(line, 'number_of_weapons', `expected a whole number of weapons, found ${JSON.stringify(total)}`);
    const valueText = cells.monetary_value_eur!;
    const value = valueText === '' ? null : Number(valueText);
    if (value !== null && (!/^\d+(\.\d+)?$/.test(valueText) || !Number.isFinite(value))) {
      issues.add(line, 'monetary_value_eur', `expected an amount in EUR (digits, no currency sign or thousands separator) or nothing, found ${JSON.stringify(valueText)}`);
    }
    const parsed = parseWeaponsList(cells.weapons_list!);
    if ('error' in parsed) issues.add(line, 'weapons_list', parsed.error);
    else if (/^\d+$/.test(total)) {
      const sum = parsed.items.reduce((s, i) => s + i.count, 0);
      if (sum !== Number(total)) issues.add(line, 'number_of_weapons', `is ${total} but the items of weapons_list add up to ${sum}`);
    }
    if (donor !== undefined && category !== '') {
      const key = `${donor.id}\u0000${category.toLowerCase()}`;
      const earlier = this.weaponKeys.get(key);
      if (earlier !== undefined) issues.add(line, 'category', `${donor.name} already has a "${category}" row on line ${earlier}`);
      else this.weaponKeys.set(key, line);
    }
    if (issues.size > before || donor === undefined || 'error' in parsed) return;

    const date = this.span(`${TRACKER_START}/${this.release.period}`);
    const donorSlug = slugify(donor.id);
    for (const item of parsed.items) {
      this.items++;
      const family = familyOfItem(item.name);
      if (family === undefined) {
        const lines = this.unmapped.get(item.name) ?? [];
        lines.push(line);
        this.unmapped.set(item.name, lines);
      } else {
        // The family as the rule table has it. Kiel's item names are not made aliases: "Leopard-2A4" is also the
        // name of SIPRI's system of that designation, and a shared alias resolves to the lowest id (the family).
        if (!this.systems.has(family.id)) {
          this.systems.set(family.id, { id: family.id, name: family.name, category: family.category, aliases: [...(family.aliases ?? [])], citations: [] });
        }
      }
      let id = `aid:kiel-${donorSlug}-${slugify(category)}-${slugify(item.name) || 'item'}`;
      // One list may name an item twice in different spellings (Estonia's "D-30 howitzer (24)" and "D-30 Howitzer (9)").
      for (let n = 2; this.commitments.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      const shared = parsed.items.length > 1;
      const valueNote = value === null ? '' : `; row value EUR ${value.toLocaleString('en-US')}${shared ? ` for its ${parsed.items.length} items together` : ''}`;
      this.commitments.set(id, {
        id, donor: donor.id, recipient: UKRAINE,
        ...(value !== null && !shared && { amountEur: { min: value, max: value } }),
        categories: ['LETHAL_MILITARY'],
        date,
        ...(family !== undefined && { system: family.id }),
        quantity: { exact: item.count },
        citations: this.cite(file, line, `${cells.donor}, ${category}: "${item.name} (${item.count})"${valueNote}`),
        knownSince: this.source.publishedAt.earliest,
        inferred: ['date'],
        note: `weapons.csv gives no date: committed between the tracker's start (${TRACKER_START}) and the end of the release period (${this.release.period}).`,
        kiel: {
          release: this.release.release, file, line, kind: 'WEAPONS', category, item: item.name, rowValueEur: value, rowItems: parsed.items.length,
        },
      });
    }
  }

  /** Adds one data_explorer.csv row: the donor's aid figures of one month. */
  addMonth(row: KielRecordRow, issues: IssueCollector): void {
    const file = KIEL_FILES.dataExplorer;
    const { line, cells } = row;
    const columns = ['country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military', 'commitments', 'to_be_allocated', 'gdp', 'pct_gdp'];
    if (row.width < columns.length) {
      issues.add(line, columns[row.width] ?? 'country', `row has ${row.width} of ${columns.length} cells: truncated`);
      return;
    }
    if (row.width > columns.length) issues.add(line, 'pct_gdp', `row has ${row.width} cells, expected ${columns.length}`);
    const before = issues.size;
    const donor = this.donor(cells.country!, line, 'country', issues);
    const iso = cells.iso!;
    if (donor !== undefined && actorIdOfIso(iso) !== donor.id) {
      issues.add(line, 'iso', `"${iso}" is not the code of ${cells.country} (${donor.id})`);
    }
    const year = cells.year!;
    const month = cells.month!;
    if (!/^\d{4}$/.test(year) || Number(year) < 2022) issues.add(line, 'year', `expected a year from 2022 on, found ${JSON.stringify(year)}`);
    if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) issues.add(line, 'month', `expected a month 1–12, found ${JSON.stringify(month)}`);
    const figures: Record<string, number> = {};
    for (const key of ['total', 'financial', 'humanitarian', 'military', 'commitments', 'to_be_allocated']) {
      const text = cells[key]!;
      if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) issues.add(line, key, `expected EUR billions as a number, found ${JSON.stringify(text)}`);
      else figures[key] = Number(text);
    }
    for (const key of ['total', 'financial', 'humanitarian', 'military']) {
      if ((figures[key] ?? 0) < 0) issues.add(line, key, `is negative (${cells[key]}): aid of a month is zero or more`);
    }
    for (const key of ['gdp', 'pct_gdp']) {
      if (cells[key] !== '' && !Number.isFinite(Number(cells[key]))) issues.add(line, key, `expected a number or nothing, found ${JSON.stringify(cells[key])}`);
    }
    if (donor !== undefined && issues.size === before) {
      const key = `${donor.id}\u0000${year}-${month}`;
      const earlier = this.monthKeys.get(key);
      if (earlier !== undefined) issues.add(line, 'month', `${cells.country} ${year}-${month} already has a row on line ${earlier}`);
      else this.monthKeys.set(key, line);
    }
    if (issues.size > before || donor === undefined) return;
    this.months++;
    const f = {
      total: money(figures.total!), financial: money(figures.financial!), humanitarian: money(figures.humanitarian!),
      military: money(figures.military!), commitments: money(figures.commitments!), toBeAllocated: money(figures.to_be_allocated!),
    };
    if (Object.values(f).every((v) => v === 0)) {
      // A month with no aid of any kind is no commitment.
      this.zeroMonths++;
      return;
    }
    const edtf = `${year}-${month.padStart(2, '0')}`;
    const categories: AidCategory[] = [];
    if (f.financial > 0) categories.push('FINANCIAL');
    if (f.humanitarian > 0) categories.push('HUMANITARIAN');
    if (f.military > 0) categories.push('MILITARY');
    // A month whose aid is committed but not yet allocated to a type (total 0, commitments above 0; 33 months of
    // release 29): its amount is the commitment, of any of the three types.
    const unallocated = f.total === 0;
    if (categories.length === 0) categories.push('FINANCIAL', 'HUMANITARIAN', 'MILITARY');
    const amount = unallocated ? f.commitments : f.total;
    const id = `aid:kiel-${slugify(donor.id)}-${edtf}`;
    const eur = (n: number) => `EUR ${(n / 1e9).toLocaleString('en-US', { maximumFractionDigits: 6 })} bn`;
    const said = unallocated
      ? `committed ${eur(f.commitments)}, not yet allocated by type (total ${eur(f.total)})`
      : `total ${eur(f.total)} (financial ${eur(f.financial)}, humanitarian ${eur(f.humanitarian)}, military ${eur(f.military)})`;
    this.commitments.set(id, {
      id, donor: donor.id, recipient: UKRAINE,
      amountEur: { min: amount, max: amount },
      categories,
      date: this.span(edtf),
      citations: this.cite(file, line, `${cells.country} ${edtf}: ${said}`),
      knownSince: this.source.publishedAt.earliest,
      inferred: [],
      ...(unallocated && { note: 'data_explorer.csv gives this month no aid by type, only a commitment not yet allocated: its amount is the commitment, and its type any of the three.' }),
      kiel: { release: this.release.release, file, line, kind: 'MONTHLY', month: edtf, figuresEur: f },
    });
  }

  /** Builds the Dataset (actors by id, systems by id, commitments by id). */
  finish(): KielMapResult {
    const byId = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      dataset: {
        sources: [this.source],
        actors: byId(this.actors.values()),
        systems: byId(this.systems.values()),
        transfers: [],
        events: [],
        restrictions: [],
        aidCommitments: byId(this.commitments.values()),
      },
      weaponRows: this.weaponRows,
      items: this.items,
      months: this.months,
      zeroMonths: this.zeroMonths,
      unmappedItems: [...this.unmapped].map(([name, lines]) => ({ name, lines })),
    };
  }
}
