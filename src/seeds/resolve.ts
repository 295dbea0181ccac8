// Cross-checks validated seed records (ids, references, dates, quotes) and builds the Dataset; the code is in resolve/.
export { resolveSeeds } from './resolve/resolve-seeds.js';
export type { LocatedFile } from './resolve/located.js';
export { MAX_SOURCE_TEXT_BYTES } from './resolve/sources.js';
