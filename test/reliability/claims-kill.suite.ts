// kill -9 of `armsgraph serve` while it takes concurrent claims (issue [15]): after a restart every acknowledged
// claim is there, nothing that was not acknowledged is half there, and the store opens without repair.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const TOKEN = `ag_${randomBytes(32).toString('base64url')}`;
const WRITES = 1_000;
const AT_ONCE = 32;

/** Starts `armsgraph serve` on a free port with the claim log in `dataDir`; resolves with its port. */
function serve(store: 'memory' | 'neo4j', dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', store, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ARMSGRAPH_DATA: dataDir,
      ARMSGRAPH_TOKENS: `writer:editor:${createHash('sha256').update(TOKEN).digest('hex')}`,
      ARMSGRAPH_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const port = /GraphQL\s+http:\/\/[^:]+:(\d+)\/graphql/.exec(err)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve({ child, port: Number(port) });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

const ADD = `mutation Add($input: TransferClaimInput!) { addTransfer(input: $input) { claim { id } written { id } } }`;
const input = (i: number) => ({
  id: `transfer:kill-${i}`, supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL', date: '2024',
  citations: [{ source: 'source:kyiv-independent-2023-12-japan-patriots', quote: 'Japan plans to send dozens of Patriot missiles to the U.S.' }],
});

async function graphql(port: number, query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, any>; errors?: unknown[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

/** Every claim-written transfer the store answers with: id, claim id, citation count. */
async function claimed(port: number): Promise<{ id: string; claim: string; citations: number }[]> {
  const out: { id: string; claim: string; citations: number }[] = [];
  for (let after: string | null = null; ;) {
    const page = await graphql(port, `query($after: String) { transfers(filter: { sources: [CLAIM] }, first: 100, after: $after) {
      edges { cursor node { id claim { id } citations { quote } } } pageInfo { hasNextPage endCursor } } }`, { after });
    if (!page.data) throw new Error(`transfers: ${JSON.stringify(page.errors)}`);
    const c = page.data.transfers;
    for (const e of c.edges) out.push({ id: e.node.id, claim: e.node.claim.id, citations: e.node.citations.length });
    if (!c.pageInfo.hasNextPage) return out;
    after = c.pageInfo.endCursor;
  }
}

/** Registers the kill test for one store. */
export function describeKillDuringClaims(store: 'memory' | 'neo4j'): void {
  describe(`kill -9 during ${WRITES} concurrent claims (${store} store)`, () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const d of dirs) await rm(d, { recursive: true, force: true });
    });

    it('keeps every acknowledged claim, nothing half written, and reopens without repair', async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'armsgraph-kill-'));
      dirs.push(dataDir);
      const first = await serve(store, dataDir);
      const acknowledged = new Set<string>();
      // Kill after a random number of acknowledgements (between a tenth and a half of the writes).
      const killAfter = Math.floor(WRITES * (0.1 + Math.random() * 0.4));
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (next < WRITES) {
          const i = next++;
          try {
            const r = await graphql(first.port, ADD, { input: input(i) });
            if (r.data?.addTransfer) acknowledged.add(r.data.addTransfer.written[0].id);
            else if (!killed) throw new Error(`claim ${i} refused: ${JSON.stringify(r.errors)}`);
          } catch (error) {
            if (!killed) throw error;
          }
          if (!killed && acknowledged.size >= killAfter) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: AT_ONCE }, worker));
      expect(killed).toBe(true);
      await new Promise((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve(undefined) : first.child.once('exit', resolve)));

      const second = await serve(store, dataDir);
      try {
        const present = await claimed(second.port);
        const ids = new Set(present.map((p) => p.id));
        // Every acknowledged claim is there; whatever else is there was sent, and whole (its citation, its claim).
        expect([...acknowledged].filter((id) => !ids.has(id))).toEqual([]);
        expect(present.filter((p) => !/^transfer:kill-\d+$/.test(p.id) || p.citations !== 1 || !/^claim:\d+$/.test(p.claim))).toEqual([]);
        // Claim numbers run 1..n without a gap: no claim was half written and skipped.
        expect(present.map((p) => Number(p.claim.slice('claim:'.length))).sort((a, b) => a - b)).toEqual(present.map((_, i) => i + 1));
        expect(present.length).toBeGreaterThanOrEqual(acknowledged.size);
        console.log(`kill -9 (${store}): killed after ${acknowledged.size} acknowledged of ${WRITES}; ${present.length} there after restart`);
        // And it takes writes again.
        const after = await graphql(second.port, ADD, { input: input(WRITES) });
        expect(after.data?.addTransfer.claim.id).toBe(`claim:${present.length + 1}`);
      } finally {
        second.child.kill('SIGTERM');
      }
    }, 300_000);
  });
}
