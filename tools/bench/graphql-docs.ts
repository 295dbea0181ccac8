// The GraphQL documents the HTTP benchmark sends, to our API and to the @neo4j/graphql peer, and the
// normalisers that turn both answers into the same shape so they can be checked equal before timing.

/** Ours: the path question (4 hops, time-respecting, system family) with what a dashboard draws. */
export const OUR_PATHS = `query Paths($from: ID!, $to: ID!, $system: ID!) {
  transferPaths(from: $from, to: $to, options: { system: $system, maxHops: 4, order: TIME_RESPECTING }) {
    truncated
    paths {
      length
      departs { earliest latest }
      arrives { earliest latest }
      hops { via from { id name } to { id name } transfer { id status date { edtf earliest latest } system { id name } } }
      checks { effect message restriction { id } }
    }
  }
}`;

/** Ours: the first page of routes between two hubs, with each hop's evidence and the witness chain's checks. */
export const OUR_ROUTES = `query Routes($from: ID!, $to: ID!, $maxHops: Int!, $order: PathOrder!) {
  transferRoutes(from: $from, to: $to, options: { maxHops: $maxHops, order: $order }, first: 20) {
    totalCount
    complete
    edges { node { id score hops { from { id name } to { id name } deals units tiv span { earliest latest } } checks { effect message } } }
  }
}`;

/** Ours: one actor by id (the ceiling's question: a single indexed look-up). */
export const OUR_ACTOR = `query Actor($id: ID!) {
  actor(id: $id) { id name }
}`;

/** Ours: transfers into X, first page, flat. */
export const OUR_TRANSFERS = `query TransfersInto($to: ID!) {
  transfers(filter: { recipient: $to }, first: 20) {
    totalCount
    edges { node { id status kind date { earliest latest } supplier { id name } system { id name } } }
  }
}`;

/** Ours: the timeline of X, first page, with the actors and systems of each entry (nested). */
export const OUR_TIMELINE = `query TimelineOf($actor: ID!) {
  timeline(filter: { actors: [$actor] }, first: 20) {
    totalCount
    edges { node { id kind date { earliest latest } actors { id name } systems { id name } } }
  }
}`;

/** The peer: transfers into X, sorted as ours (earliest, latest, id), first page. */
export const PEER_TRANSFERS = `query TransfersInto($to: String!) {
  transfersConnection(where: { recipient: { eq: $to } }, first: 20, sort: [{ earliest: ASC }, { latest: ASC }, { id: ASC }]) {
    totalCount
    edges { node { id status kind earliest latest supplierActor { id name } ofSystem { id name } } }
  }
}`;

/** The peer: the timeline of X over the stored :TimelineEntry nodes, joined to actors and systems. */
export const PEER_TIMELINE = `query TimelineOf($actor: String!) {
  timelineEntriesConnection(where: { actors: { includes: $actor } }, first: 20, sort: [{ earliest: ASC }, { latest: ASC }, { id: ASC }]) {
    totalCount
    edges { node { id kind earliest latest actorNodes { id name } systemNodes { id name } } }
  }
}`;

type Json = Record<string, unknown>;
const named = (xs: unknown) => ((xs as { id: string; name: string }[]) ?? []).map((x) => `${x.id}=${x.name}`).sort();

/** A connection's count and one row per node; `date` is the node's (earliest, latest) in either API's shape. */
function normalizeConnection(conn: unknown, peer: boolean, row: (n: Json, date: Json) => unknown[]): unknown {
  const c = conn as { totalCount: number; edges: { node: Json }[] };
  return {
    totalCount: c.totalCount,
    rows: c.edges.map(({ node: n }) => row(n, peer ? { earliest: n.earliest, latest: n.latest } : (n.date as Json))),
  };
}

/** A transfers page in a shape both APIs give. */
export function normalizeTransfers(data: Json, peer: boolean): unknown {
  return normalizeConnection(peer ? data.transfersConnection : data.transfers, peer, (n, date) => [
    n.id, n.status, n.kind, date.earliest, date.latest,
    peer ? named(n.supplierActor) : named([n.supplier]),
    peer ? named(n.ofSystem) : named([n.system]),
  ]);
}

/** A timeline page in a shape both APIs give (actors and systems as sorted sets). */
export function normalizeTimeline(data: Json, peer: boolean): unknown {
  return normalizeConnection(peer ? data.timelineEntriesConnection : data.timeline, peer, (n, date) => [
    n.id, n.kind, date.earliest, date.latest,
    named(peer ? n.actorNodes : n.actors), named(peer ? n.systemNodes : n.systems),
  ]);
}
