// The transferCheck question: the day checked before any read, references resolved in argument order, the
// restrictions in force on that day evaluated into a verdict (the seed's answers from DESIGN §5).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { transferCheck, type CheckContextRequest, type CheckPort, type NamePort } from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { counting, dataCalls, invalidArgument, notFound } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
const store = new MemoryStore();
beforeAll(async () => {
  await store.load(await loadSeedDir(SEED_DIR));
});

/** The store's ports, recording each check-context request. */
function recording(): NamePort & CheckPort & { requests: CheckContextRequest[] } {
  const requests: CheckContextRequest[] = [];
  return {
    requests,
    resolveActor: (ref) => store.resolveActor(ref),
    resolveSystem: (ref) => store.resolveSystem(ref),
    checkContext: (request) => {
      requests.push(request);
      return store.checkContext(request);
    },
  };
}

describe('transferCheck', () => {
  it('rejects a day that is not a calendar day before any port is asked, whatever else is wrong', async () => {
    const { ports, calls } = counting(store);
    for (const on of ['2024-13-01', '2024-02-30', '2024-01', 'today']) {
      await expect(transferCheck(ports, { supplier: 'Japan', recipient: 'Ukraine', on })).rejects.toThrow(invalidArgument('on'));
    }
    await expect(transferCheck(ports, { supplier: 'Atlantis', recipient: 'Ukraine', on: '2024-1-15' })).rejects.toThrow(invalidArgument('on'));
    expect(calls).toEqual([]);
  });

  it('names an unknown reference, with suggestions, having only looked names up', async () => {
    const cases: [Parameters<typeof transferCheck>[1], unknown][] = [
      [{ supplier: 'Japn', recipient: 'Ukraine' }, notFound('supplier', ['Japan'])],
      [{ supplier: 'Japan', recipient: 'Ukrain' }, notFound('recipient', ['Ukraine'])],
      [{ supplier: 'Japan', recipient: 'Ukraine', system: 'Patriott' }, notFound('system', ['Patriot'])],
      [{ supplier: 'US', recipient: 'Ukraine', origin: 'Japn' }, notFound('origin', ['Japan'])],
    ];
    for (const [input, error] of cases) {
      const { ports, calls } = counting(store);
      await expect(transferCheck(ports, { ...input, on: '2024-01-15' })).rejects.toThrow(error);
      expect(dataCalls(calls)).toEqual([]);
    }
  });

  it('reports the first bad reference in argument order', async () => {
    await expect(transferCheck(store, { supplier: 'Atlantis', recipient: 'Lemuria', system: 'Excalibur', origin: 'Mu' })).rejects.toThrow(notFound('supplier'));
    await expect(transferCheck(store, { supplier: 'JP', recipient: 'Lemuria', system: 'Excalibur', origin: 'Mu' })).rejects.toThrow(notFound('recipient'));
    await expect(transferCheck(store, { supplier: 'JP', recipient: 'UA', system: 'Excalibur', origin: 'Mu' })).rejects.toThrow(notFound('system'));
  });

  it('Japan → Ukraine on 2024-01-15 is PROHIBITED: Ukraine is a party at war', async () => {
    const check = await transferCheck(store, { supplier: 'Japan', recipient: 'Ukraine', system: 'Patriot', on: '2024-01-15' });
    expect(check.verdict).toBe('PROHIBITED');
    expect(check.on).toBe('2024-01-15');
    expect(check.reasons.map((r) => [r.restriction, r.rule, r.effect, r.hop])).toEqual([
      ['restriction:jp-no-export-to-party-at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'PROHIBITED', null],
    ]);
    expect(check.reasons[0]!.citations.length).toBeGreaterThan(0);
  });

  it('the United States → Ukraine with Japanese Patriots REQUIRES_CONSENT of Japan; without the origin, ALLOWED', async () => {
    const consent = await transferCheck(store, { supplier: 'United States', recipient: 'Ukraine', system: 'Patriot missile', on: '2024-01-15', origin: 'Japan' });
    expect(consent.verdict).toBe('REQUIRES_CONSENT');
    expect(consent.reasons.map((r) => [r.restriction, r.effect, r.consentOf])).toEqual([['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 'JP']]);
    expect(await transferCheck(store, { supplier: 'US', recipient: 'UA', system: 'Patriot missile', on: '2024-01-15' })).toEqual({ verdict: 'ALLOWED', reasons: [], on: '2024-01-15' });
  });

  it('answers for the day asked: Japan → the United States was PROHIBITED before the rule change, ALLOWED after', async () => {
    expect((await transferCheck(store, { supplier: 'JP', recipient: 'US', on: '2023-12-21' })).verdict).toBe('PROHIBITED');
    expect((await transferCheck(store, { supplier: 'JP', recipient: 'US', on: '2023-12-22' })).verdict).toBe('ALLOWED');
  });

  it('reads the check context once, for the parties, the system and the day', async () => {
    const ports = recording();
    await transferCheck(ports, { supplier: 'US', recipient: 'Ukraine', system: 'Patriot', on: '2024-01-15', origin: 'Japan' });
    await transferCheck(ports, { supplier: 'JP', recipient: 'US', on: '2023-12-01' });
    expect(ports.requests).toEqual([
      { actors: ['US', 'UA', 'JP'], systems: ['system:patriot'], window: { from: '2024-01-15', to: '2024-01-15' } },
      { actors: ['JP', 'US'], systems: [], window: { from: '2023-12-01', to: '2023-12-01' } },
    ]);
  });

  it('checks today when no day is given', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const check = await transferCheck(store, { supplier: 'JP', recipient: 'UA', on: null });
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).toContain(check.on);
  });
});
