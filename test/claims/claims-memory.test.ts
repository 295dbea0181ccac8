// The claim cases on the embedded store, its claims in an LMDB log under a data directory.
import { LmdbClaimLog } from '../../src/claims/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { describeClaims } from './claims.contract.js';

describeClaims('memory', async () => new MemoryStore(), (_store, dir) => LmdbClaimLog.open(dir));
