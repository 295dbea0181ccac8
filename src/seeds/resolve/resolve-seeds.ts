// Resolves validated seed records into one Dataset: ids and links first, then each collection's own checks.
import type { ValidationIssue } from '../../domain/errors.js';
import type { Dataset } from '../../domain/model.js';
import { resolveActors } from './actors.js';
import { resolveAidCommitments } from './aid-commitments.js';
import { resolveContext, type GroundedContext } from './context.js';
import { resolveEvents } from './events.js';
import { citationChecker } from './grounding.js';
import { gatherRecords, type LocatedFile, type Records } from './located.js';
import { nameClaims } from './names.js';
import { indexReferences } from './references.js';
import { Reporter } from './Reporter.js';
import { resolveRestrictions } from './restrictions.js';
import { resolveSources } from './sources.js';
import { resolveSystems } from './systems.js';
import { resolveTransfers } from './transfers.js';

/** Resolves every collection but the sources, in the order of their messages. */
export function resolveCollections(records: Records, ctx: GroundedContext): { [K in Exclude<keyof Dataset, 'sources'>]: Dataset[K][number][] } {
  return {
    actors: resolveActors(records.actors, ctx),
    systems: resolveSystems(records.systems, ctx),
    events: resolveEvents(records.events, ctx),
    restrictions: resolveRestrictions(records.restrictions, ctx),
    transfers: resolveTransfers(records.transfers, ctx),
    aidCommitments: resolveAidCommitments(records.aidCommitments, ctx),
  };
}

/** Validates references between records and returns the resolved dataset, or the issues found. */
export async function resolveSeeds(files: readonly LocatedFile[], seedDir: string): Promise<{ dataset: Dataset; issues: ValidationIssue[] }> {
  const report = new Reporter();
  const records = gatherRecords(files);
  const base = resolveContext(report, indexReferences(records, report));
  // Sources first: citations are checked against their dates and stored texts.
  const { sources, texts } = await resolveSources(records.sources, seedDir, base);
  const ctx: GroundedContext = { ...base, cite: citationChecker(base, sources, texts), claimNames: nameClaims(report) };
  const { actors, systems, events, restrictions, transfers, aidCommitments } = resolveCollections(records, ctx);

  const byIdOrder = <T extends { id: string }>(items: T[]) => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    issues: report.issues(),
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
