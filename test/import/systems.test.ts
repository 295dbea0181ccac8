// Designations become systems with stable ids, grouped into families by the rule table.
import { describe, expect, it } from 'vitest';
import { SYSTEM_ID } from '../../src/domain/model.js';
import { cleanDesignation, familyOf, SYSTEM_FAMILY_RULES, SystemCatalog } from '../../src/import/index.js';

describe('familyOf', () => {
  it('leaves unrelated designations alone', () => {
    for (const d of ['Leopard APV', 'Gepard-3', 'VT-72B', 'M-113 Spike-NLOS', 'Compact 76mm', 'AH-64D Apache']) expect(familyOf(d)).toBeUndefined();
  });

  it.each(['Patriot-3 SAMS', 'Patriot SAMS', 'MIM-104 PAC-2', 'MIM-104 PAC-3', 'MIM-104 PAC-3 MSE', 'MIM-104A Patriot', 'Patriot PAC-2'])(
    'puts %s in the Patriot family',
    (d) => expect(familyOf(d)?.id).toBe('system:patriot'),
  );

  it.each([
    ['Leopard-2A4', 'system:leopard'], ['Leopard-1A5', 'system:leopard'], ['T-72M1', 'system:t-72'], ['T-72B3', 'system:t-72'],
    ['F-16C Block-50', 'system:f-16'], ['HIMARS', 'system:himars'], ['M-142 HIMARS', 'system:himars'], ['IRIS-T SLM', 'system:iris-t'],
    ['NASAMS-2', 'system:nasams'], ['Gepard', 'system:gepard'], ['M-113A3', 'system:m-113'],
  ])('puts %s in %s', (d, family) => expect(familyOf(d)?.id).toBe(family));

  it('matches the seed Patriot system: same id, name and category', () => {
    expect(SYSTEM_FAMILY_RULES[0]).toMatchObject({ id: 'system:patriot', name: 'Patriot', category: 'air-defence system' });
  });
});

describe('cleanDesignation', () => {
  it('drops the " -" suffix SIPRI puts on some designations', () => {
    expect(cleanDesignation('Bushmaster -')).toBe('Bushmaster');
    expect(cleanDesignation('T-72M1')).toBe('T-72M1');
  });
});

describe('SystemCatalog', () => {
  it('throws for a designation that was never added', () => {
    expect(() => new SystemCatalog().build().idOf('X', 'tank')).toThrow(/was not added/);
  });

  it('builds one system per designation, family members pointing at a family system created once', () => {
    const catalog = new SystemCatalog({ source: 'source:sipri-at-db-2026-02-12' });
    catalog.add('Patriot-3 SAMS', 'SAM system');
    catalog.add('MIM-104 PAC-2', 'SAM');
    catalog.add('MIM-104 PAC-3', 'ABM missile');
    catalog.add('MIM-104 PAC-3', 'ABM missile');
    catalog.add('Bushmaster', 'armoured personnel carrier');
    const { systems, idOf } = catalog.build();
    expect(systems.map((s) => [s.id, s.family])).toEqual([
      ['system:patriot', undefined],
      ['system:bushmaster', undefined],
      ['system:mim-104-pac-2', 'system:patriot'],
      ['system:mim-104-pac-3', 'system:patriot'],
      ['system:patriot-3-sams', 'system:patriot'],
    ]);
    expect(systems.find((s) => s.id === 'system:patriot-3-sams')).toMatchObject({
      name: 'Patriot-3 SAMS', designation: 'Patriot-3 SAMS', category: 'SAM system',
      citations: [{ source: 'source:sipri-at-db-2026-02-12', note: 'SIPRI AT Database designation' }],
    });
    expect(systems[0]).toMatchObject({ name: 'Patriot', category: 'air-defence system' });
    expect(idOf('MIM-104 PAC-3', 'ABM missile')).toBe('system:mim-104-pac-3');
    for (const s of systems) expect(s.id).toMatch(SYSTEM_ID);
  });

  it('treats "X -" and "X" of one description as one system', () => {
    const catalog = new SystemCatalog();
    catalog.add('Bushmaster -', 'armoured personnel carrier');
    catalog.add('Bushmaster', 'armoured personnel carrier');
    const { systems, idOf } = catalog.build();
    expect(systems.map((s) => [s.id, s.name])).toEqual([['system:bushmaster', 'Bushmaster']]);
    expect(idOf('Bushmaster -', 'armoured personnel carrier')).toBe('system:bushmaster');
  });

  it('separates one designation used for weapons of different descriptions by description', () => {
    const catalog = new SystemCatalog();
    catalog.add('Aditya', 'replenishment ship');
    catalog.add('Aditya', 'armoured personnel carrier');
    const { systems } = catalog.build();
    expect(systems.map((s) => s.id)).toEqual(['system:aditya-armoured-personnel-carrier', 'system:aditya-replenishment-ship']);
  });

  it('makes a designation that names its family the family system itself', () => {
    const catalog = new SystemCatalog();
    catalog.add('T-72', 'tank');
    catalog.add('T-72M1 -', 'tank');
    catalog.add('NASAMS -', 'SAM system');
    const { systems, idOf } = catalog.build();
    expect(idOf('T-72', 'tank')).toBe('system:t-72');
    expect(idOf('NASAMS -', 'SAM system')).toBe('system:nasams');
    expect(systems.map((s) => [s.id, s.family])).toEqual([
      ['system:nasams', undefined], ['system:t-72', undefined], ['system:t-72m1', 'system:t-72'],
    ]);
  });

  it('never takes a reserved (seed) id unless it is the family', () => {
    const catalog = new SystemCatalog({ reservedIds: ['system:kinzhal', 'system:patriot', 'system:patriot-missile'] });
    catalog.add('Kinzhal', 'air-launched ballistic missile');
    catalog.add('Patriot missile', 'SAM');
    const { systems } = catalog.build();
    expect(systems.map((s) => s.id)).toEqual([
      'system:patriot', 'system:kinzhal-air-launched-ballistic-missile', 'system:patriot-missile-sam',
    ]);
  });
});
