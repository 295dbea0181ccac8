// Analysts' claims as seed YAML, for review in git: the records of the claims that still stand as one seed file,
// and every claim in order (who, when, what, why) as a log.
import { stringify } from 'yaml';
import type { ReplayedClaim } from './service.js';

/** The two files of an export: `claims.yaml` (a seed file) and `claims-log.yaml`. */
export interface ClaimsYaml {
  readonly seed: string;
  readonly log: string;
}

/**
 * The records of the standing claims (facts no later claim retracted or corrected, and every source claims
 * added) in seed-file form, and the log of all claims. The seed file refers to the loaded data (actors, systems,
 * imported facts) by id: it validates together with the seeds and imports it was written against.
 */
export function claimsAsYaml(replayed: readonly ReplayedClaim[]): ClaimsYaml {
  const ended = new Set(replayed.flatMap((r) => r.ended));
  const collections: Record<string, unknown[]> = {};
  for (const r of replayed) {
    for (const [collection, list] of Object.entries(r.records)) {
      for (const record of list) {
        const id = (record as { id?: string }).id;
        if (collection !== 'sources' && id !== undefined && ended.has(id)) continue;
        (collections[collection] ??= []).push(record);
      }
    }
  }
  const head = (what: string) =>
    `# ${what}, exported by \`armsgraph claims export\` from ${replayed.length} claim${replayed.length === 1 ? '' : 's'}.\n`;
  const seed = `${head('Facts analysts added through the API that still stand (seed-file form)')}${Object.keys(collections).length === 0 ? '{}\n' : stringify(collections)}`;
  const log = `${head('Every claim, in the order it was recorded')}${stringify({
    claims: replayed.map(({ claim, records, written, ended: endedIds }) => ({
      id: claim.id, op: claim.op, by: claim.by, recordedAt: claim.recordedAt,
      ...(claim.target !== undefined && { target: claim.target }),
      ...(claim.reason !== undefined && { reason: claim.reason }),
      ...(claim.knownSince !== undefined && { knownSince: claim.knownSince }),
      ...(written.length > 0 && { written }),
      ...(endedIds.length > 0 && { ended: endedIds }),
      ...(Object.keys(records).length > 0 && { records }),
    })),
  })}`;
  return { seed, log };
}
