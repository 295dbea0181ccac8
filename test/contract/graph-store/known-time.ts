// Contract for the known time of facts (bi-temporal, issue [15]): a retracted or corrected fact keeps its
// `knownSince` and gets a `knownUntil`; `knownAt` before that day finds it as before, today's answers do not.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Transfer } from '../../../src/domain/model.js';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

/** The seed, with the US → Ukraine Patriot transfer retracted on 2024-03-01 and an analyst's claim in its place. */
function retractedAndClaimed(seed: Dataset): Dataset {
  const old = seed.transfers.find((t) => t.id === 'transfer:us-ua-patriot-missiles-potential')!;
  const claimed: Transfer = {
    ...old,
    id: 'transfer:us-ua-patriot-missiles-claim-1',
    status: 'APPROVED',
    knownSince: '2024-03-01',
    claim: { id: 'claim:2', by: 'alice', recordedAt: '2024-03-01T09:30:00.000Z' },
  };
  return {
    ...seed,
    transfers: [...seed.transfers.map((t) => (t.id === old.id ? { ...t, knownUntil: '2024-03-01' } : t)), claimed],
  };
}

/** Registers the known-time cases. */
export function describeKnownTime(ctx: ContractContext): void {
  describe('known time: retracted and corrected facts', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = ctx.store;
      await ctx.load(retractedAndClaimed(ctx.seed));
    });

    it("today's lists leave the retracted transfer out and show the claim; knownAt before the retraction shows it as it was", async () => {
      const ua = async (knownAt?: string) => (await ask(store).transfers({ recipient: 'UA', ...(knownAt !== undefined && { knownAt }) }, {})).items.map((t) => t.id);
      expect(await ua()).toEqual(['transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-claim-1']);
      expect(await ua('2024-02-29')).toEqual(['transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-potential']);
      // knownUntil is exclusive: on the day of the retraction, the claim that replaced it is the one believed.
      expect(await ua('2024-03-01')).toEqual(['transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-claim-1']);
      const claims = await ask(store).transfers({ sources: ['CLAIM'] }, {});
      expect(claims.items.map((t) => [t.id, t.claim?.by])).toEqual([['transfer:us-ua-patriot-missiles-claim-1', 'alice']]);
    });

    it('the retracted transfer is still there by id, with both days', async () => {
      const node = await store.node('transfer:us-ua-patriot-missiles-potential');
      expect(node?.type).toBe('Transfer');
      expect(node?.type === 'Transfer' && [node.value.knownSince, node.value.knownUntil]).toEqual(['2023-12-22', '2024-03-01']);
    });

    it('routes, stats and the timeline agree with the lists', async () => {
      const chains = async (knownAt?: string) => {
        const page = await ask(store).transferPaths('JP', 'UA', { system: 'Patriot', ...(knownAt !== undefined && { knownAt }) });
        return page.paths.map((p) => p.hops.map((h) => h.transfer.id).join(' '));
      };
      expect(await chains()).toEqual(['transfer:jp-us-patriot-missiles-2024 transfer:us-ua-patriot-missiles-claim-1']);
      expect(await chains('2024-01-01')).toEqual(['transfer:jp-us-patriot-missiles-2024 transfer:us-ua-patriot-missiles-potential']);
      expect((await ask(store).transferRoutes('JP', 'UA', { system: 'Patriot' })).items.map((r) => r.id)).toEqual(['JP>US>UA']);
      // The retracted transfer is POTENTIAL, the claim APPROVED: stats count the one believed on the day asked.
      const potential = async (knownAt?: string) =>
        (await ask(store).transferStats({ supplier: 'US', statuses: ['POTENTIAL'], ...(knownAt !== undefined && { knownAt }) }, ['RECIPIENT'])).map((r) => [r.key, r.transfers]);
      expect(await potential()).toEqual([]);
      expect(await potential('2024-01-01')).toEqual([[['UA'], 1]]);
      const timeline = async (knownAt?: string) =>
        (await ask(store).timeline({ actors: ['US'], kinds: ['TRANSFER'], ...(knownAt !== undefined && { knownAt }) }, {})).items.map((e) => [e.id, e.knownUntil ?? null]);
      expect(await timeline()).toEqual([
        ['transfer:us-ua-patriot-missiles-claim-1', null],
        ['transfer:jp-us-patriot-missiles-2024', null],
      ]);
      expect(await timeline('2024-01-15')).toEqual([
        ['transfer:us-ua-patriot-missiles-potential', '2024-03-01'],
        ['transfer:jp-us-patriot-missiles-2024', null],
      ]);
    });
  });
}
