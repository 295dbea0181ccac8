// Transfer filter predicates, identical in both stores.
import { describe, expect, it } from 'vitest';
import { TRANSFER_STATUSES } from '../../src/domain/model.js';
import { Hierarchy, defaultPathStatuses, transferPredicate } from '../../src/query/index.js';
import { transfer } from '../helpers/dataset.js';

describe('defaultPathStatuses', () => {
  it('leaves out CANCELLED and DENIED, keeping the order of the rest', () => {
    expect(defaultPathStatuses(TRANSFER_STATUSES)).toEqual(['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL']);
    expect(defaultPathStatuses(['DENIED', 'DELIVERED', 'CANCELLED', 'PLANNED'])).toEqual(['DELIVERED', 'PLANNED']);
    expect(defaultPathStatuses([])).toEqual([]);
  });
});

describe('transferPredicate', () => {
  const systems = new Hierarchy([
    ['system:patriot-missile', 'system:patriot'],
    ['system:pac-3', 'system:patriot-missile'],
  ]);
  const t = {
    jpUs: transfer({ id: 'jp-us', from: 'JP', to: 'US', system: 'system:patriot-missile', date: '2024-01/..', status: 'PLANNED', kind: 'BACKFILL', knownSince: '2023-12-22' }),
    usUa: transfer({ id: 'us-ua', from: 'US', to: 'UA', system: 'system:pac-3', date: '2023-12-22/..', status: 'POTENTIAL', kind: 'UNKNOWN', knownSince: '2023-12-22' }),
    uaFirst: transfer({ id: 'ua-first', from: 'XX', to: 'UA', system: 'system:patriot', date: '2023-04', status: 'DELIVERED', kind: 'UNKNOWN', knownSince: '2023-12-30' }),
    deUa: transfer({ id: 'de-ua', from: 'DE', to: 'UA', system: 'system:leopard', date: '2022', status: 'CANCELLED', kind: 'DONATION', knownSince: '2022-05-01' }),
  };
  const all = Object.values(t);
  const matching = (filter: Parameters<typeof transferPredicate>[0]) => all.filter(transferPredicate(filter, systems)).map((x) => x.id.slice('transfer:'.length));

  it('matches everything with an empty filter, or empty lists', () => {
    expect(matching({})).toEqual(['jp-us', 'us-ua', 'ua-first', 'de-ua']);
    expect(matching({ statuses: [], kinds: [] })).toEqual(['jp-us', 'us-ua', 'ua-first', 'de-ua']);
  });

  it('matches supplier and recipient exactly', () => {
    expect(matching({ supplier: 'US' })).toEqual(['us-ua']);
    expect(matching({ recipient: 'UA' })).toEqual(['us-ua', 'ua-first', 'de-ua']);
    expect(matching({ supplier: 'JP', recipient: 'UA' })).toEqual([]);
  });

  it('matches a system with every member of its family, at any depth, but not its parents', () => {
    expect(matching({ system: 'system:patriot' })).toEqual(['jp-us', 'us-ua', 'ua-first']);
    expect(matching({ system: 'system:patriot-missile' })).toEqual(['jp-us', 'us-ua']);
    expect(matching({ system: 'system:pac-3' })).toEqual(['us-ua']);
  });

  it('matches any of the statuses and kinds given', () => {
    expect(matching({ statuses: ['PLANNED', 'CANCELLED'] })).toEqual(['jp-us', 'de-ua']);
    expect(matching({ kinds: ['UNKNOWN'] })).toEqual(['us-ua', 'ua-first']);
  });

  it('matches spans that may overlap the window, the ends inclusive', () => {
    expect(matching({ between: { from: '2023-05-01', to: '2023-12-21' } })).toEqual([]);
    expect(matching({ between: { from: '2023-04-30', to: '2023-12-21' } })).toEqual(['ua-first']);
    expect(matching({ between: { from: '2023-12-22', to: '2023-12-31' } })).toEqual(['us-ua']);
    expect(matching({ between: { from: '2030-01-01', to: '2030-12-31' } })).toEqual(['jp-us', 'us-ua']);
    expect(matching({ between: { from: '0001-01-01', to: '2022-01-01' } })).toEqual(['de-ua']);
  });

  it('hides what was first reported after knownAt, the day itself included', () => {
    expect(matching({ knownAt: '2023-12-21' })).toEqual(['de-ua']);
    expect(matching({ knownAt: '2023-12-22' })).toEqual(['jp-us', 'us-ua', 'de-ua']);
  });

  it('requires every condition at once', () => {
    expect(matching({ recipient: 'UA', system: 'system:patriot', statuses: ['DELIVERED'], knownAt: '2023-12-31' })).toEqual(['ua-first']);
    expect(matching({ recipient: 'UA', system: 'system:patriot', statuses: ['DELIVERED'], knownAt: '2023-12-29' })).toEqual([]);
  });
});
