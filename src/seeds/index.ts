// Seed files: read, validate and resolve YAML into a Dataset.
export { loadSeedDir, validateSeedDir, parseSeedText, listSeedFiles, MAX_SEED_FILE_BYTES } from './read-seeds.js';
export type { SeedValidation } from './read-seeds.js';
export { seedJsonSchema } from './json-schema.js';
export { resolveAgainst, existingRecords } from './resolve/resolve-claim.js';
export { readSourceTexts } from './resolve/sources.js';
export type { ExistingRecords } from './resolve/references.js';
export type { Collection } from './resolve/located.js';
