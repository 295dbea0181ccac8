// The claim cases on the embedded store.
import { MemoryStore } from '../../src/store/index.js';
import { describeClaims } from './claims.contract.js';

describeClaims('memory', async () => new MemoryStore());
