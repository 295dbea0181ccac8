// Analysts' claims (issue [15]): add, correct and retract facts with citations; kept durably; never deleted.
export { applyClaim, firstVersionId, nextVersionId, worldOf, type Applied, type ClaimWorld } from './apply.js';
export { dataDirFromEnv, LmdbClaimLog, MemoryClaimLog, StoreClaimLog, type ClaimLog, type LogHost } from './log.js';
export { CLAIM_OPS, CORRECTABLE, type ClaimOp, type ClaimRequest, type Correctable, type StoredClaim } from './model.js';
export { ClaimService, replay, replayWithRecords, type ClaimResult, type ClaimServiceOptions, type ReplayedClaim } from './service.js';
export { claimsAsYaml, type ClaimsYaml } from './export.js';
export { entityRecord, transferRecord } from './records.js';
