// Runs the GraphStore contract against the embedded graphology store.
import { MemoryStore } from '../../src/store/index.js';
import { describeGraphStore } from './graph-store.contract.js';

describeGraphStore('memory', async () => new MemoryStore());
