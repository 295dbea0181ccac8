#!/usr/bin/env node
// The `armsgraph` executable: runs src/cli.ts through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main(process.argv);
