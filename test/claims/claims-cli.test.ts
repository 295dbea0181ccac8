// `armsgraph claims list` and `claims export --yaml`: the claims of a data directory, and as seed YAML that
// validates with the seeds it was written against.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimService, LmdbClaimLog } from '../../src/claims/index.js';
import { loadSeedDir, readSourceTexts, validateSeedDir } from '../../src/seeds/index.js';
import { MemoryStore } from '../../src/store/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SEEDS = path.join(ROOT, 'seeds');
const ARTICLE = 'source:kyiv-independent-2023-12-japan-patriots';

describe('armsgraph claims', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'armsgraph-claims-cli-'));
    process.env.ARMSGRAPH_DATA = path.join(dir, 'data');
    const seed = await loadSeedDir(SEEDS);
    const claims = await ClaimService.open({ base: seed, texts: (await readSourceTexts(seed.sources, SEEDS)).texts, log: LmdbClaimLog.open(process.env.ARMSGRAPH_DATA), store: new MemoryStore() });
    const transfer = (id: string) => ({
      id, supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL', date: '2024',
      citations: [{ source: ARTICLE, quote: 'The missiles cost millions of dollars each' }],
    });
    await claims.submit({ op: 'ADD', records: { transfers: [transfer('transfer:kept')] } }, 'alice');
    await claims.submit({ op: 'ADD', records: { transfers: [transfer('transfer:dropped')] } }, 'alice');
    await claims.submit({ op: 'RETRACT', target: 'transfer:dropped', reason: 'a duplicate' }, 'bob');
    await claims.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every claim: number, who, what it added and ended', async () => {
    const r = await runCli('claims', 'list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`3 claims in ${path.join(dir, 'data', 'claims.mdb')}`);
    expect(lines.slice(1).map((l) => l.replace(/ {2}\d{4}-\d{2}-\d{2}T[\d:.]+Z/, ''))).toEqual([
      '  claim:1  alice  ADD  +transfer:kept',
      '  claim:2  alice  ADD  +transfer:dropped',
      '  claim:3  bob  RETRACT  -transfer:dropped  (a duplicate)',
    ]);
  });

  it('exports the standing claims as a seed file that validates with the seeds, and the whole log', async () => {
    const out = path.join(dir, 'review');
    const r = await runCli('claims', 'export', '--yaml', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('exported 3 claims');
    const seedFile = await readFile(path.join(out, 'claims.yaml'), 'utf8');
    expect(seedFile).toContain('id: transfer:kept');
    expect(seedFile).not.toContain('transfer:dropped');
    expect(await readFile(path.join(out, 'claims-log.yaml'), 'utf8')).toMatch(/- id: claim:3\n {4}op: RETRACT\n {4}by: bob/);
    const together = path.join(dir, 'seeds');
    await cp(SEEDS, together, { recursive: true });
    await cp(path.join(out, 'claims.yaml'), path.join(together, 'zz-claims.yaml'));
    const validation = await validateSeedDir(together);
    expect(validation.issues).toEqual([]);
    expect(validation.dataset!.transfers.map((t) => t.id)).toContain('transfer:kept');
  });
});
