// The GraphQL documents the dashboard sends; each asks only for what a view draws.

const SPAN = 'edtf earliest latest precision approximate uncertain';

/** Paths from one actor to another, with the rules bearing on each. */
export const PATHS_QUERY = `query DashboardPaths($from: ID!, $to: ID!, $options: PathOptions) {
  transferPaths(from: $from, to: $to, options: $options) {
    truncated
    paths {
      length
      departs { ${SPAN} }
      arrives { ${SPAN} }
      hops { via from { id name } to { id name } transfer { id status kind system { id name } date { ${SPAN} } } }
      checks { effect message hop restriction { id title } }
    }
  }
}`;

/** The neighbourhood of some actors: few fields per edge, since it may hold thousands of transfers. */
export const SUBGRAPH_QUERY = `query DashboardSubgraph($around: [ID!]!, $depth: Int, $filter: TransferFilter) {
  subgraph(around: $around, depth: $depth, filter: $filter) {
    actors { id name kind }
    edges { id source { id } target { id } transfer { id status } }
  }
}`;

/** One page of timeline entries. */
export const TIMELINE_QUERY = `query DashboardTimeline($filter: TimelineFilter, $first: Int, $after: String) {
  timeline(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id kind title date { ${SPAN} } subject { id } actors { id } systems { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Names and aliases matching some text. */
export const SEARCH_QUERY = `query DashboardSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) { type name matched match node { id } }
}`;

const CITATIONS = `citations { quote note locator source { id title publisher url publishedAt { edtf } } }`;
const GROUNDED = `${CITATIONS} knownSince inferredFields note`;

/** Everything the details panel shows about one node (`kind` is aliased: its enum differs by type). */
export const NODE_QUERY = `query DashboardNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Transfer {
      supplier { id name } recipient { id name } system { id name category }
      quantity { exact min max text } status transferKind: kind date { ${SPAN} } valueUsd { min max text }
      enabledBy { id title } subjectTo { id title rule inForce { ${SPAN} } } backfills { id }
      statusHistory { status date { ${SPAN} } }
      sipri {
        dealId designation description category orderYear orderYearEstimated condition tivPerNewUnit tivPerUnit
        localProduction release deliveries { year yearEstimated units unitsEstimated tiv }
      }
      ${GROUNDED}
    }
    ... on Event {
      eventKind: kind title date { ${SPAN} } actors { id name } systems { id name }
      quantity { exact min max text } valueUsd { min max text }
      ${GROUNDED}
    }
    ... on Actor {
      name actorKind: kind aliases partOf { id name } country { id name } note
      transfersOut(first: 0) { totalCount } transfersIn(first: 0) { totalCount }
    }
    ... on Restriction {
      rule title imposedBy { id name } suppliers { id name } recipients { id name } systems { id name }
      consentOf { id name } inForce { ${SPAN} }
      ${GROUNDED}
    }
    ... on AidCommitment {
      donor { id name } recipient { id name } amountUsd { min max text } categories date { ${SPAN} }
      ${GROUNDED}
    }
    ... on WeaponSystem {
      name designation category family { id name } manufacturer { id name } producedBy { id name } aliases note
      ${CITATIONS}
    }
    ... on Source { title publisher url publishedAt { ${SPAN} } note }
  }
}`;

/** The verdict of the restrictions in force on a transfer's day. */
export const CHECK_QUERY = `query DashboardCheck($supplier: ID!, $recipient: ID!, $system: ID, $on: String) {
  transferCheck(supplier: $supplier, recipient: $recipient, system: $system, on: $on) {
    verdict on reasons { effect message restriction { id title } }
  }
}`;
