// Cross-checks validated seed records (ids, references, dates, quotes) and builds the Dataset.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { InvalidArgumentError, type ValidationIssue } from '../domain/errors.js';
import type {
  Actor, AidCommitment, Citation, CitationInput, Dataset, Event, Restriction, SeedFile, Source, StatusChange,
  Transfer, WeaponSystem,
} from '../domain/model.js';
import { didYouMean, formatSuggestions, normalizeName, normalizeQuoteText } from '../domain/text.js';
import { OPEN_END, parseTimeSpan, type TimeSpan } from '../domain/time.js';
import { decodeSeedText } from './decode.js';
import { fieldName, lineOf } from './locate.js';

/** A schema-valid seed file with what is needed to point at its lines. */
export interface LocatedFile {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly content: SeedFile;
}

type Collection = keyof SeedFile;
type Path = readonly (string | number)[];

interface Located<T> {
  readonly value: T;
  readonly file: LocatedFile;
  readonly path: Path;
}

const COLLECTIONS: readonly Collection[] = ['sources', 'actors', 'systems', 'transfers', 'events', 'restrictions', 'aidCommitments'];
/** One record of each collection, with its article, for messages ("is an actor, expected a system"). */
const ONE_OF: Readonly<Record<Collection, string>> = {
  sources: 'a source', actors: 'an actor', systems: 'a system', transfers: 'a transfer', events: 'an event',
  restrictions: 'a restriction', aidCommitments: 'an aid commitment',
};
/** Largest stored source text accepted (the article is a few KB). */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

class Reporter {
  readonly issues: ValidationIssue[] = [];

  add(at: Located<unknown>, sub: Path, message: string): void {
    const full = [...at.path, ...sub];
    this.issues.push({
      file: at.file.file,
      line: lineOf(at.file.doc, at.file.lineCounter, full),
      field: fieldName(full),
      message,
    });
  }
}

const INFERRABLE: Record<string, readonly string[]> = {
  transfers: ['date', 'quantity', 'status', 'kind', 'supplier', 'recipient', 'system', 'valueUsd'],
  events: ['date', 'actors', 'systems', 'quantity', 'valueUsd'],
  restrictions: ['inForce', 'appliesTo', 'imposedBy', 'consentOf'],
  aidCommitments: ['date', 'amountUsd', 'categories'],
};

/** Validates references between records and returns the resolved dataset, or the issues found. */
export async function resolveSeeds(files: readonly LocatedFile[], seedDir: string): Promise<{ dataset: Dataset; issues: ValidationIssue[] }> {
  const report = new Reporter();
  const records = new Map<Collection, Located<any>[]>(COLLECTIONS.map((c) => [c, []]));
  for (const file of files) {
    for (const collection of COLLECTIONS) {
      const list = file.content[collection] ?? [];
      list.forEach((value, index) => records.get(collection)!.push({ value, file, path: [collection, index] }));
    }
  }
  const list = <T,>(c: Collection) => records.get(c)! as Located<T>[];

  // Ids are unique across every collection and file.
  const byId = new Map<string, { collection: Collection; at: Located<{ id: string }> }>();
  for (const collection of COLLECTIONS) {
    for (const at of list<{ id: string }>(collection)) {
      const first = byId.get(at.value.id);
      if (first) {
        const firstLine = lineOf(first.at.file.doc, first.at.file.lineCounter, [...first.at.path, 'id']);
        report.add(at, ['id'], `duplicate id "${at.value.id}" (first defined in ${first.at.file.file}:${firstLine ?? '?'})`);
      } else {
        byId.set(at.value.id, { collection, at });
      }
    }
  }
  const idsOf = (collection: Collection) => [...byId.entries()].filter(([, v]) => v.collection === collection).map(([k]) => k);
  const known = new Map<Collection, Set<string>>(COLLECTIONS.map((c) => [c, new Set(idsOf(c))]));
  const nameIndex = new Map<string, string>();
  for (const collection of ['actors', 'systems'] as const) {
    for (const at of list<{ id: string; name: string; aliases?: string[] }>(collection)) {
      for (const n of [at.value.name, ...(at.value.aliases ?? [])]) nameIndex.set(`${collection}:${normalizeName(n)}`, at.value.id);
    }
  }

  const checkRef = (at: Located<unknown>, sub: Path, value: string | undefined, collection: Collection, what: string): void => {
    if (value === undefined || known.get(collection)!.has(value)) return;
    const other = byId.get(value);
    if (other) {
      report.add(at, sub, `"${value}" is ${ONE_OF[other.collection]}, expected ${what}`);
      return;
    }
    const named = nameIndex.get(`${collection}:${normalizeName(value)}`);
    const hint = named ? ` (use its id "${named}"; names and aliases are not ids)` : formatSuggestions(didYouMean(value, known.get(collection)!));
    report.add(at, sub, `unknown ${what} "${value}"${hint}`);
  };
  const checkRefs = (at: Located<unknown>, sub: string, values: readonly string[] | undefined, collection: Collection, what: string): void =>
    values?.forEach((v, i) => checkRef(at, [sub, i], v, collection, what));

  const span = (at: Located<unknown>, sub: Path, text: string): TimeSpan | undefined => {
    try {
      return parseTimeSpan(text);
    } catch (error) {
      report.add(at, sub, error instanceof InvalidArgumentError ? error.message : String(error));
      return undefined;
    }
  };

  // Sources: dates and stored texts.
  const sources = new Map<string, Source>();
  const texts = new Map<string, string>();
  for (const at of list<NonNullable<SeedFile['sources']>[number]>('sources')) {
    const s = at.value;
    const publishedAt = span(at, ['publishedAt'], s.publishedAt);
    if (s.text !== undefined) {
      const file = path.resolve(seedDir, s.text);
      try {
        const { size } = await stat(file);
        if (size > MAX_SOURCE_TEXT_BYTES) {
          report.add(at, ['text'], `source text file "${s.text}" is ${size} bytes; source texts are limited to ${MAX_SOURCE_TEXT_BYTES}`);
        } else {
          const decoded = decodeSeedText(await readFile(file));
          // Quotes are checked against this text: a mis-encoded file would fail every quote for the wrong reason.
          if ('problem' in decoded) report.add(at, ['text'], `source text file "${s.text}" line ${decoded.line}: ${decoded.problem}`);
          else texts.set(s.id, normalizeQuoteText(decoded.text));
        }
      } catch {
        report.add(at, ['text'], `cannot read source text file "${s.text}" (resolved to ${file})`);
      }
    }
    if (publishedAt) {
      if (publishedAt.earliest === '0001-01-01' || publishedAt.latest === OPEN_END) {
        report.add(at, ['publishedAt'], 'expected a closed date: the known time of facts is taken from it');
      }
      sources.set(s.id, {
        id: s.id, title: s.title, publisher: s.publisher, publishedAt,
        ...(s.url !== undefined && { url: s.url }),
        ...(s.text !== undefined && { textFile: s.text }),
        ...(s.note !== undefined && { note: s.note }),
      });
    }
  }

  const citationsOf = (at: Located<unknown>, sub: Path, input: readonly CitationInput[] | undefined): { citations: Citation[]; knownSince: string } => {
    const citations: Citation[] = [];
    let knownSince = OPEN_END;
    (input ?? []).forEach((c, i) => {
      const where = [...sub, i];
      if (!known.get('sources')!.has(c.source)) {
        checkRef(at, [...where, 'source'], c.source, 'sources', 'source');
        return;
      }
      const text = texts.get(c.source);
      if (text !== undefined) {
        if (c.quote === undefined) {
          report.add(at, [...where, 'quote'], `required: source "${c.source}" has stored text, so the citation must quote it`);
        } else if (!text.includes(normalizeQuoteText(c.quote))) {
          report.add(at, [...where, 'quote'], `quote not found verbatim in the text of source "${c.source}": "${c.quote.slice(0, 80)}${c.quote.length > 80 ? '…' : ''}"`);
        }
      } else if (c.quote === undefined && c.note === undefined) {
        report.add(at, where, `expected a quote or a note saying what source "${c.source}" supports`);
      }
      const published = sources.get(c.source)?.publishedAt.earliest;
      if (published !== undefined && published < knownSince) knownSince = published;
      citations.push({
        source: c.source,
        ...(c.quote !== undefined && { quote: c.quote }),
        ...(c.note !== undefined && { note: c.note }),
        ...(c.locator !== undefined && { locator: c.locator }),
      });
    });
    return { citations, knownSince };
  };

  const checkInferred = (at: Located<{ inferred?: string[] }>, collection: string): void => {
    const allowed = INFERRABLE[collection] ?? [];
    at.value.inferred?.forEach((f, i) => {
      if (!allowed.includes(f)) report.add(at, ['inferred', i], `expected one of ${allowed.join(', ')}`);
    });
  };

  // Actors: references and alias clashes.
  const actors: Actor[] = [];
  const aliasOwner = new Map<string, { owner: string; collection: Collection }>();
  const claimAliases = (at: Located<{ id: string; name: string; aliases: string[] }>, collection: Collection): void => {
    const names = [at.value.name, ...at.value.aliases];
    names.forEach((name, i) => {
      const key = normalizeName(name);
      if (key === '') {
        report.add(at, i === 0 ? ['name'] : ['aliases', i - 1], 'expected a name with at least one letter or digit');
        return;
      }
      const owner = aliasOwner.get(`${collection}:${key}`);
      if (owner && owner.owner !== at.value.id) {
        report.add(at, i === 0 ? ['name'] : ['aliases', i - 1], `"${name}" already names ${owner.owner}; names and aliases must be unambiguous`);
      } else {
        aliasOwner.set(`${collection}:${key}`, { owner: at.value.id, collection });
      }
    });
  };
  for (const at of list<NonNullable<SeedFile['actors']>[number]>('actors')) {
    const a = at.value;
    checkRef(at, ['partOf'], a.partOf, 'actors', 'actor');
    checkRef(at, ['country'], a.country, 'actors', 'actor');
    if (a.partOf === a.id) report.add(at, ['partOf'], 'an actor cannot be part of itself');
    claimAliases(at, 'actors');
    citationsOf(at, ['citations'], a.citations);
    actors.push({
      id: a.id, name: a.name, kind: a.kind, aliases: a.aliases,
      ...(a.partOf !== undefined && { partOf: a.partOf }),
      ...(a.country !== undefined && { country: a.country }),
      ...(a.note !== undefined && { note: a.note }),
    });
  }

  // Membership is closed over partOf (restrictions bind an actor's parts): a partOf chain must end.
  const partOf = new Map<string, string>();
  for (const at of list<NonNullable<SeedFile['actors']>[number]>('actors')) if (at.value.partOf !== undefined) partOf.set(at.value.id, at.value.partOf);
  for (const at of list<NonNullable<SeedFile['actors']>[number]>('actors')) {
    const seen = new Set<string>([at.value.id]);
    let current = partOf.get(at.value.id);
    if (current === at.value.id) continue; // reported above
    while (current !== undefined) {
      if (seen.has(current)) {
        report.add(at, ['partOf'], `actors' partOf links form a cycle: ${[...seen, current].join(' → ')}`);
        break;
      }
      seen.add(current);
      current = partOf.get(current);
    }
  }

  // Systems: references, family cycles.
  const systems: WeaponSystem[] = [];
  const familyOf = new Map<string, string>();
  for (const at of list<NonNullable<SeedFile['systems']>[number]>('systems')) {
    const s = at.value;
    checkRef(at, ['family'], s.family, 'systems', 'system');
    checkRef(at, ['manufacturer'], s.manufacturer, 'actors', 'actor');
    checkRef(at, ['producedBy'], s.producedBy, 'actors', 'actor');
    claimAliases(at, 'systems');
    if (s.family !== undefined) familyOf.set(s.id, s.family);
    const { citations } = citationsOf(at, ['citations'], s.citations);
    systems.push({
      id: s.id, name: s.name, category: s.category, aliases: s.aliases, citations,
      ...(s.designation !== undefined && { designation: s.designation }),
      ...(s.family !== undefined && { family: s.family }),
      ...(s.manufacturer !== undefined && { manufacturer: s.manufacturer }),
      ...(s.producedBy !== undefined && { producedBy: s.producedBy }),
      ...(s.note !== undefined && { note: s.note }),
    });
  }
  for (const at of list<NonNullable<SeedFile['systems']>[number]>('systems')) {
    const seen = new Set<string>([at.value.id]);
    let current = familyOf.get(at.value.id);
    while (current !== undefined) {
      if (seen.has(current)) {
        report.add(at, ['family'], `system families form a cycle: ${[...seen, current].join(' → ')}`);
        break;
      }
      seen.add(current);
      current = familyOf.get(current);
    }
  }

  // Events.
  const events: Event[] = [];
  for (const at of list<NonNullable<SeedFile['events']>[number]>('events')) {
    const e = at.value;
    checkRefs(at, 'actors', e.actors, 'actors', 'actor');
    checkRefs(at, 'systems', e.systems, 'systems', 'system');
    checkInferred(at, 'events');
    const date = span(at, ['date'], e.date);
    const { citations, knownSince } = citationsOf(at, ['citations'], e.citations);
    if (!date) continue;
    events.push({
      id: e.id, kind: e.kind, title: e.title, date, actors: e.actors, systems: e.systems, citations, knownSince,
      inferred: e.inferred ?? [],
      ...(e.quantity !== undefined && { quantity: e.quantity }),
      ...(e.valueUsd !== undefined && { valueUsd: e.valueUsd }),
      ...(e.note !== undefined && { note: e.note }),
    });
  }

  // Restrictions.
  const restrictions: Restriction[] = [];
  for (const at of list<NonNullable<SeedFile['restrictions']>[number]>('restrictions')) {
    const r = at.value;
    checkRef(at, ['imposedBy'], r.imposedBy, 'actors', 'actor');
    checkRef(at, ['consentOf'], r.consentOf, 'actors', 'actor');
    for (const key of ['suppliers', 'recipients', 'origins'] as const) {
      r.appliesTo[key]?.forEach((v, i) => checkRef(at, ['appliesTo', key, i], v, 'actors', 'actor'));
    }
    r.appliesTo.systems?.forEach((v, i) => checkRef(at, ['appliesTo', 'systems', i], v, 'systems', 'system'));
    if (r.rule === 'REEXPORT_REQUIRES_CONSENT') {
      if (r.consentOf === undefined) report.add(at, ['consentOf'], 'required for REEXPORT_REQUIRES_CONSENT: whose consent is needed');
      if (!r.appliesTo.origins?.length) report.add(at, ['appliesTo', 'origins'], 'required for REEXPORT_REQUIRES_CONSENT: the states the items came from');
    }
    checkInferred(at, 'restrictions');
    const inForce = span(at, ['inForce'], r.inForce);
    const { citations, knownSince } = citationsOf(at, ['citations'], r.citations);
    if (!inForce) continue;
    restrictions.push({
      id: r.id, rule: r.rule, title: r.title, imposedBy: r.imposedBy, appliesTo: r.appliesTo, inForce, citations, knownSince,
      inferred: r.inferred ?? [],
      ...(r.consentOf !== undefined && { consentOf: r.consentOf }),
      ...(r.note !== undefined && { note: r.note }),
    });
  }

  // Transfers.
  const transfers: Transfer[] = [];
  for (const at of list<NonNullable<SeedFile['transfers']>[number]>('transfers')) {
    const t = at.value;
    checkRef(at, ['supplier'], t.supplier, 'actors', 'actor');
    checkRef(at, ['recipient'], t.recipient, 'actors', 'actor');
    checkRef(at, ['system'], t.system, 'systems', 'system');
    if (t.supplier === t.recipient) report.add(at, ['recipient'], `a transfer's recipient must differ from its supplier (both are "${t.supplier}")`);
    checkRefs(at, 'enabledBy', t.enabledBy, 'events', 'event');
    checkRefs(at, 'subjectTo', t.subjectTo, 'restrictions', 'restriction');
    checkRefs(at, 'backfills', t.backfills, 'transfers', 'transfer');
    t.backfills.forEach((b, i) => {
      if (b === t.id) report.add(at, ['backfills', i], 'a transfer cannot backfill itself');
    });
    checkInferred(at, 'transfers');
    const date = span(at, ['date'], t.date);
    const { citations, knownSince } = citationsOf(at, ['citations'], t.citations);
    const statusHistory: StatusChange[] = [];
    t.statusHistory.forEach((h, i) => {
      const d = span(at, ['statusHistory', i, 'date'], h.date);
      const c = citationsOf(at, ['statusHistory', i, 'citations'], h.citations);
      if (d) statusHistory.push({ status: h.status, date: d, citations: c.citations, knownSince: c.knownSince });
    });
    if (!date) continue;
    transfers.push({
      id: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, status: t.status, kind: t.kind, date,
      enabledBy: t.enabledBy, subjectTo: t.subjectTo, backfills: t.backfills, statusHistory, citations, knownSince,
      inferred: t.inferred ?? [],
      ...(t.quantity !== undefined && { quantity: t.quantity }),
      ...(t.valueUsd !== undefined && { valueUsd: t.valueUsd }),
      ...(t.note !== undefined && { note: t.note }),
    });
  }

  // Aid commitments.
  const aidCommitments: AidCommitment[] = [];
  for (const at of list<NonNullable<SeedFile['aidCommitments']>[number]>('aidCommitments')) {
    const a = at.value;
    checkRef(at, ['donor'], a.donor, 'actors', 'actor');
    checkRef(at, ['recipient'], a.recipient, 'actors', 'actor');
    checkInferred(at, 'aidCommitments');
    const date = span(at, ['date'], a.date);
    const { citations, knownSince } = citationsOf(at, ['citations'], a.citations);
    if (!date) continue;
    aidCommitments.push({
      id: a.id, donor: a.donor, recipient: a.recipient, amountUsd: a.amountUsd, categories: a.categories, date, citations, knownSince,
      inferred: a.inferred ?? [],
      ...(a.note !== undefined && { note: a.note }),
    });
  }

  const byIdOrder = <T extends { id: string }>(items: T[]) => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    issues: dedupe(report.issues),
    dataset: {
      sources: byIdOrder([...sources.values()]),
      actors: byIdOrder(actors),
      systems: byIdOrder(systems),
      transfers: byIdOrder(transfers),
      events: byIdOrder(events),
      restrictions: byIdOrder(restrictions),
      aidCommitments: byIdOrder(aidCommitments),
    },
  };
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}|${i.line}|${i.field}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
