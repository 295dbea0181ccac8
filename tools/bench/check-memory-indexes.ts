// Randomised cross-check of the memory store's indexes: its timeline pages, transfer pages and paths must equal
// what plain scans of the whole dataset give (the semantics of src/query), for random filters and options.
// Usage: tsx tools/bench/check-memory-indexes.ts [--size sipri] [--rounds 1500]   (exits 1 on any difference)
import { parseArgs } from 'node:util';
import type { Transfer } from '../../src/domain/model.js';
import {
  Hierarchy, ask, compareEntries, paginate, pathsBetween, resolvePathOptions, spanKey, timelineEntries, timelinePredicate,
  transferPredicate, type CheckContext, type PathOptions, type TimelineFilter, type TimelineKind, type TransferFilter,
} from '../../src/query/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { prng } from '../generate/generate.js';
import { buildDataset } from './datasets.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'sipri' }, rounds: { type: 'string', default: '1500' } } });
const { dataset } = await buildDataset(values.size!);
const store = new MemoryStore();
await store.load(dataset);

const byId = new Map(dataset.transfers.map((t) => [t.id, t] as const));
const actorTree = new Hierarchy(dataset.actors.map((a) => [a.id, a.partOf] as const));
const systemTree = new Hierarchy(dataset.systems.map((s) => [s.id, s.family] as const));
const byTime = (a: Transfer, b: Transfer) =>
  a.date.earliest !== b.date.earliest ? (a.date.earliest < b.date.earliest ? -1 : 1)
    : a.date.latest !== b.date.latest ? (a.date.latest < b.date.latest ? -1 : 1) : a.id < b.id ? -1 : 1;
const transfers = [...dataset.transfers].sort(byTime);
const timeline = timelineEntries(dataset).sort(compareEntries);
const outgoing = new Map<string, Transfer[]>();
const incoming = new Map<string, Transfer[]>();
const push = (index: Map<string, Transfer[]>, key: string, t: Transfer) => {
  const list = index.get(key);
  if (list) list.push(t);
  else index.set(key, [t]);
};
for (const t of transfers) {
  push(outgoing, t.supplier, t);
  push(incoming, t.recipient, t);
}
// The restriction context is the store's own (checks are not what this compares).
const checks = (store as unknown as { snapshot: { checks: CheckContext } }).snapshot.checks;

const random = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const actors = dataset.actors.map((a) => a.id);
const systems = dataset.systems.map((s) => s.id);
const wholes = [...new Set(dataset.actors.flatMap((a) => (a.partOf ? [a.partOf] : [])))];
const families = [...new Set(dataset.systems.flatMap((s) => (s.family ? [s.family] : [])))];
const someSystem = () => (random() < 0.6 && families.length > 0 ? pick(families) : pick(systems));
const window = () => {
  const year = 1950 + Math.floor(random() * 75);
  return { from: `${year}-01-01`, to: `${year + Math.floor(random() * 10)}-12-31` };
};

let compared = 0;
let differing = 0;
const same = (what: string, expected: unknown, actual: unknown) => {
  compared += 1;
  if (JSON.stringify(expected) === JSON.stringify(actual)) return;
  differing += 1;
  if (differing <= 5) console.error(`differs: ${what}`);
};

for (let i = 0; i < Number(values.rounds); i += 1) {
  const f: { -readonly [K in keyof TimelineFilter]: TimelineFilter[K] } = {};
  if (random() < 0.7) f.actors = random() < 0.2 && wholes.length > 0 ? [pick(wholes)] : random() < 0.1 ? [pick(actors), pick(actors)] : [pick(actors)];
  if (random() < 0.3) f.systems = [someSystem()];
  if (random() < 0.3) f.between = window();
  if (random() < 0.2) f.kinds = [pick<TimelineKind>(['TRANSFER', 'STATUS_CHANGE', 'WAR', 'RESTRICTION'])];
  if (random() < 0.1) f.knownAt = `${1990 + Math.floor(random() * 35)}-06-01`;
  const first = pick([0, 5, 20, 100]);
  const all = timeline.filter(timelinePredicate(f, actorTree, systemTree));
  const page1 = paginate(all, spanKey, { first });
  same(`timeline ${JSON.stringify(f)}`, page1, await ask(store).timeline(f, { first }));
  const after = page1.cursors.at(-1);
  if (page1.hasNextPage && after !== undefined) same(`timeline page 2 ${JSON.stringify(f)}`, paginate(all, spanKey, { first, after }), await ask(store).timeline(f, { first, after }));

  const tf: { -readonly [K in keyof TransferFilter]: TransferFilter[K] } = {};
  if (random() < 0.5) tf.supplier = pick(actors);
  if (random() < 0.5) tf.recipient = pick(actors);
  if (random() < 0.3) tf.system = someSystem();
  if (random() < 0.2) tf.between = window();
  same(`transfers ${JSON.stringify(tf)}`, paginate(transfers.filter(transferPredicate(tf, systemTree)), spanKey, { first: 20 }), await ask(store).transfers(tf, { first: 20 }));

  const from = pick(actors);
  const to = pick(actors);
  if (from === to) continue;
  const options: PathOptions = {
    maxHops: 1 + Math.floor(random() * 4),
    order: pick(['ANY', 'TIME_RESPECTING', 'STRICT'] as const),
    ...(random() < 0.7 && { system: someSystem() }),
    ...(random() < 0.2 && { between: window() }),
    ...(random() < 0.2 && { viaBackfill: true }),
  };
  const o = resolvePathOptions(options);
  const keep = transferPredicate({ ...(o.system !== undefined && { system: o.system }), statuses: o.statuses, ...(o.between && { between: o.between }) }, systemTree);
  const graph = { outgoing: (a: string) => (outgoing.get(a) ?? []).filter(keep), incoming: (a: string) => (incoming.get(a) ?? []).filter(keep) };
  // The same question over plain scans: candidate hops filtered from the whole adjacency, transfers by id.
  const scanned = {
    pathCandidates: async () => graph,
    checkContext: async (request: { transfers?: readonly string[] }) => ({
      ...checks,
      transfers: new Map((request.transfers ?? []).map((id) => [id, byId.get(id)!] as const)),
    }),
  };
  same(`paths ${from}→${to} ${JSON.stringify(options)}`, await pathsBetween(scanned, from, to, o), await ask(store).transferPaths(from, to, options));
}
console.log(`${values.size}: ${compared} answers compared, ${differing} differ`);
process.exit(differing === 0 ? 0 : 1);
