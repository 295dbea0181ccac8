// kill -9 of armsgraph at five points of a staged ×10 load (issue [13]): four while the new generation is being
// written, one just after its switch. Each time, what readers see is exactly the old data or exactly the new (every
// node's and timeline entry's content hash, and the TRANSFERRED relationships), readers saw the old data while it
// was written, and recovery leaves nothing else in the database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/model.js';
import { ask } from '../../src/query/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { Neo4jStore, neo4jConfigFromEnv } from '../../src/store/index.js';
import { READ_STORED_STATE, entryRows, nodeRows } from '../../src/store/neo4j/cypher/load.js';
import { generateDataset } from '../../tools/generate/generate.js';
import { SEED_DIR } from '../contract/graph-store.contract.js';
import { ROOT } from '../helpers/cli.js';
import { neo4jAvailable } from '../helpers/neo4j.js';

const TRANSFERS = Number(process.env.STAGED_KILL_TRANSFERS ?? 250_000);
const SEED = 7;

/** What a generation holds: content hash by node id and by entry id, and its TRANSFERRED relationships. */
interface Content {
  readonly nodes: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, string>;
  readonly transferred: number;
}

function expected(d: Dataset): Content {
  const nodes = new Map(Object.values(nodeRows(d)).flat().map((r) => [r.id, String(r.props.hash)]));
  return { nodes, entries: new Map(entryRows(d).map((e) => [e.id, e.hash])), transferred: d.transfers.length };
}

/** What readers see: the live generation's content, read with a plain driver. */
async function live(driver: Driver): Promise<Content & { gen: number; others: number }> {
  const meta = await driver.executeQuery("OPTIONAL MATCH (m:ArmsgraphMeta {key: 'graph'}) RETURN coalesce(m.current, 0) AS gen");
  const gen = Number(meta.records[0]!.get('gen'));
  const state = (await driver.executeQuery(READ_STORED_STATE.cypher, { gen })).records[0]!;
  const transferred = await driver.executeQuery('MATCH ()-[r:TRANSFERRED]->() WHERE r.gen = $gen RETURN count(r) AS n', { gen });
  const others = await driver.executeQuery('MATCH (n) WHERE (n:Entity OR n:TimelineEntry) AND n.gen <> $gen RETURN count(n) AS n', { gen });
  return {
    gen,
    nodes: new Map(state.get('nodes') as [string, string][]),
    entries: new Map(state.get('entries') as [string, string][]),
    transferred: Number(transferred.records[0]!.get('n')),
    others: Number(others.records[0]!.get('n')),
  };
}

const same = (a: Content, b: Content) =>
  a.transferred === b.transferred && a.nodes.size === b.nodes.size && a.entries.size === b.entries.size &&
  [...b.nodes].every(([id, hash]) => a.nodes.get(id) === hash) && [...b.entries].every(([id, hash]) => a.entries.get(id) === hash);

type Point = { readonly staged: number } | 'switched';

/**
 * Runs the staged load in a child process and kill -9s it at `point` (a share of the new generation's statements
 * written, or just after the switch); `whileStaging` runs once while the child writes, before the kill.
 */
function loadAndKill(point: Point, whileStaging: () => Promise<void>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/reliability/staged-load.child.ts'), String(TRANSFERS), String(SEED)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    let killing = false;
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const step = JSON.parse(line) as { phase: string; done?: number; total?: number };
        const reached = point === 'switched' ? step.phase === 'switched' : step.phase === 'staging' && step.done! / step.total! >= point.staged;
        if (!reached || killing) continue;
        killing = true;
        const at = `${step.phase} ${step.done ?? ''}/${step.total ?? ''}`;
        (point === 'switched' ? Promise.resolve() : whileStaging()).then(
          () => {
            child.kill('SIGKILL');
            resolve(at);
          },
          (error) => {
            child.kill('SIGKILL');
            reject(error);
          },
        );
      }
    });
    child.on('exit', () => {
      if (!killing) reject(new Error(`the load ended before ${JSON.stringify(point)}: ${err.slice(-2000)}`));
    });
  });
}

if (await neo4jAvailable()) {
  describe(`a staged load of ${TRANSFERS.toLocaleString('en')} transfers, killed at five points`, () => {
    let driver: Driver;
    let store: Neo4jStore;
    let seed: Dataset;

    beforeAll(async () => {
      const config = neo4jConfigFromEnv();
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
      store = await Neo4jStore.connect({ ...config, stagedFrom: 0, generationGraceMs: 0, writeRetryMs: 120_000 });
      seed = await loadSeedDir(SEED_DIR);
    });
    afterAll(async () => {
      // Back to the seed (staged: dropping ×10 in one transaction would not fit the test instance's heap).
      await store?.load(seed);
      await store?.close();
      await driver?.close();
    });

    it('leaves exactly the old data or exactly the new, and nothing else once recovered', async () => {
      await store.load(seed);
      const old = expected(seed);
      const fresh = expected(generateDataset({ transfers: TRANSFERS, seed: SEED }));
      expect(same(await live(driver), old)).toBe(true);
      // Four random points while the new generation is written (seeded, so a failure can be replayed), then one
      // just after the switch.
      let x = 20261130;
      const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const points: Point[] = [...Array.from({ length: 4 }, () => ({ staged: 0.02 + 0.5 * random() })), 'switched'];
      const seen: string[] = [];
      for (const point of points) {
        const whileStaging = async () => {
          // Readers keep seeing the old graph while the new one is written.
          expect((await ask(store).transfers({}, { first: 0 })).totalCount).toBe(seed.transfers.length);
        };
        const at = await loadAndKill(point, whileStaging);
        const now = await live(driver);
        const which = same(now, old) ? 'old' : same(now, fresh) ? 'new' : 'neither';
        seen.push(`${at}: ${which}, ${now.others} nodes of other generations`);
        expect(which, seen.join('; ')).toBe(point === 'switched' ? 'new' : 'old');
        // What the killed load left is dropped by recovery (a restart does it once the load is stale).
        await store.recover(0);
        const recovered = await live(driver);
        expect(recovered.others, seen.join('; ')).toBe(0);
        expect(same(recovered, point === 'switched' ? fresh : old)).toBe(true);
      }
      console.info(`staged load killed at: ${seen.join('; ')}`);
    }, 1_800_000);
  });
}
