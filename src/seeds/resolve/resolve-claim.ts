// Resolves the records of an analyst's claim against the graph already loaded: the checks and messages of seed
// files (one set of rules), with references free to name loaded records and new ids kept apart from theirs.
import type { ValidationIssue } from '../../domain/errors.js';
import type { Dataset, Source } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { resolveContext, type GroundedContext } from './context.js';
import { citationChecker } from './grounding.js';
import { gatherRecords, type Collection, type LocatedFile } from './located.js';
import { nameClaims } from './names.js';
import { indexReferences, type ExistingRecords } from './references.js';
import { Reporter } from './Reporter.js';
import { resolveCollections } from './resolve-seeds.js';
import { resolveSources } from './sources.js';

/** The ids and the actor and system names of a loaded dataset, as a claim's references see them. */
export function existingRecords(d: Dataset): ExistingRecords {
  const ids = new Map<string, Collection>();
  const names = new Map<string, string>();
  const add = (collection: Collection, list: readonly { id: string }[]) => {
    for (const r of list) ids.set(r.id, collection);
  };
  add('sources', d.sources);
  add('actors', d.actors);
  add('systems', d.systems);
  add('transfers', d.transfers);
  add('events', d.events);
  add('restrictions', d.restrictions);
  add('aidCommitments', d.aidCommitments);
  for (const [collection, list] of [['actors', d.actors], ['systems', d.systems]] as const) {
    for (const r of list) for (const n of [r.name, ...r.aliases]) if (!names.has(`${collection}:${normalizeName(n)}`)) names.set(`${collection}:${normalizeName(n)}`, r.id);
  }
  return { ids, names };
}

/**
 * Checks the records of `file` against `loaded` (and its sources' stored texts, normalised, by source id) and
 * returns them resolved, or the issues found. New sources may come with a claim, but without a stored text file.
 */
export async function resolveAgainst(
  file: LocatedFile,
  loaded: { readonly dataset: Dataset; readonly existing: ExistingRecords; readonly texts: ReadonlyMap<string, string> },
): Promise<{ dataset: Dataset; issues: ValidationIssue[] }> {
  const report = new Reporter();
  const records = gatherRecords([file]);
  const base = resolveContext(report, indexReferences(records, report, loaded.existing));
  for (const at of records.sources) {
    if (at.value.text !== undefined) report.add(at, ['text'], 'a claim cannot attach a stored text file; cite the source with a quote or a note');
  }
  const fresh = await resolveSources(records.sources.filter((at) => at.value.text === undefined), '.', base);
  const sources = new Map<string, Source>([...loaded.dataset.sources.map((s) => [s.id, s] as const), ...fresh.sources]);
  const ctx: GroundedContext = { ...base, cite: citationChecker(base, sources, loaded.texts), claimNames: nameClaims(report, loaded.existing.names) };
  const resolved = resolveCollections(records, ctx);
  return { issues: report.issues(), dataset: { sources: [...fresh.sources.values()], ...resolved } };
}
