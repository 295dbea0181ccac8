// SIPRI supplier/recipient names resolve to actors: ISO alpha-2 states, SIPRI spellings, non-state kinds.
import { describe, expect, it } from 'vitest';
import { ACTOR_ID } from '../../src/domain/model.js';
import { resolveSipriParty, SIPRI_STATES, SipriPartyResolver, toActor } from '../../src/import/index.js';

describe('resolveSipriParty', () => {
  it('returns undefined for names it cannot place', () => {
    expect(resolveSipriParty('Atlantis')).toBeUndefined();
    expect(resolveSipriParty('')).toBeUndefined();
  });

  it.each([
    ['Turkiye', 'TR', 'Türkiye'],
    ["Cote d'Ivoire", 'CI', "Côte d'Ivoire"],
    ['Czechia', 'CZ', 'Czechia'],
    ['UAE', 'AE', 'United Arab Emirates'],
    ['Bosnia-Herzegovina', 'BA', 'Bosnia and Herzegovina'],
    ['DR Congo', 'CD', 'Democratic Republic of the Congo'],
    ['Congo', 'CG', 'Congo'],
    ['Viet Nam', 'VN', 'Vietnam'],
    ['Syria', 'SY', 'Syria'],
    ['Iran', 'IR', 'Iran'],
    ['UK', 'GB', 'United Kingdom'],
    ['South Korea', 'KR', 'South Korea'],
    ['North Korea', 'KP', 'North Korea'],
    ['Taiwan', 'TW', 'Taiwan'],
    ['Kosovo', 'XK', 'Kosovo'],
    ['Palestine', 'PS', 'Palestine'],
    ['eSwatini', 'SZ', 'Eswatini'],
    ['Soviet Union', 'SU', 'Soviet Union'],
    ['Yugoslavia', 'YU', 'Yugoslavia'],
    ['Germany', 'DE', 'Germany'],
  ])('resolves the SIPRI spelling %s to the state %s (%s), keeping the spelling as an alias', (sipri, id, name) => {
    const party = resolveSipriParty(sipri);
    expect(party).toMatchObject({ id, name, kind: 'STATE' });
    if (sipri !== name) expect(party?.aliases).toContain(sipri);
  });

  it('uses the seed ids and names for Japan, the United States, Ukraine and Russia', () => {
    expect(['Japan', 'United States', 'Ukraine', 'Russia'].map((n) => resolveSipriParty(n)).map((p) => [p?.id, p?.name])).toEqual([
      ['JP', 'Japan'], ['US', 'United States'], ['UA', 'Ukraine'], ['RU', 'Russia'],
    ]);
  });

  it('keeps the Soviet Union apart from Russia and explains its code', () => {
    expect(resolveSipriParty('Soviet Union')?.note).toMatch(/ISO 3166-3/);
    expect(resolveSipriParty('Soviet Union')?.aliases).toContain('USSR');
  });

  it('makes names marked * non-state groups, with the state in parentheses as their country', () => {
    expect(resolveSipriParty('Houthi rebels (Yemen)*')).toMatchObject({
      id: 'group:houthi-rebels-yemen', name: 'Houthi rebels (Yemen)', kind: 'NON_STATE_GROUP', country: 'YE',
      aliases: ['Houthi rebels (Yemen)*'],
    });
    expect(resolveSipriParty('Hezbollah (Lebanon)*')).toMatchObject({ id: 'group:hezbollah-lebanon', country: 'LB' });
    expect(resolveSipriParty('PKK (Turkiye)*')).toMatchObject({ id: 'group:pkk-turkiye', country: 'TR' });
    expect(resolveSipriParty('PRC (Israel/Palestine)*')?.country).toBeUndefined();
    expect(resolveSipriParty('unknown rebel group*')).toMatchObject({ id: 'group:unknown-rebel-group', name: 'Unknown rebel group', kind: 'NON_STATE_GROUP' });
  });

  it('makes names marked ** multinational organisations', () => {
    expect(resolveSipriParty('NATO**')).toMatchObject({ id: 'multi:nato', name: 'NATO', kind: 'MULTINATIONAL' });
    expect(resolveSipriParty('NATO**')?.aliases).toContain('North Atlantic Treaty Organization');
    expect(resolveSipriParty('African Union**')).toMatchObject({ id: 'multi:african-union', kind: 'MULTINATIONAL' });
    expect(resolveSipriParty('African Union**')?.aliases).not.toContain('AU');
    expect(resolveSipriParty('United Nations**')).toMatchObject({ id: 'multi:united-nations' });
  });

  it('makes unknown parties UNKNOWN actors, the supplier sharing the seed id', () => {
    expect(resolveSipriParty('unknown supplier(s)')).toMatchObject({ id: 'unknown:supplier', name: 'Unknown supplier', kind: 'UNKNOWN', aliases: ['unknown supplier(s)'] });
    expect(resolveSipriParty('unknown recipient(s)')).toMatchObject({ id: 'unknown:recipient', kind: 'UNKNOWN' });
  });

  it('keeps Northern Cyprus as a region: it has no ISO code', () => {
    expect(resolveSipriParty('Northern Cyprus')).toMatchObject({ id: 'region:northern-cyprus', kind: 'REGION' });
  });

  it('gives every table entry a valid actor id', () => {
    for (const name of Object.keys(SIPRI_STATES)) expect(resolveSipriParty(name)?.id).toMatch(ACTOR_ID);
  });
});

describe('toActor', () => {
  it('drops the import-only fields', () => {
    const actor = toActor(resolveSipriParty('Hezbollah (Lebanon)*')!);
    expect(Object.keys(actor).sort()).toEqual(['aliases', 'country', 'id', 'kind', 'name']);
  });
});

describe('SipriPartyResolver', () => {
  it('lists unresolved names with every line they occur on', () => {
    const resolver = new SipriPartyResolver();
    expect(resolver.resolve('Atlantis', 13)).toBeUndefined();
    expect(resolver.resolve('Germany', 14)?.id).toBe('DE');
    resolver.resolve('Atlantis', 20);
    expect(resolver.unresolved).toEqual([{ name: 'Atlantis', lines: [13, 20] }]);
  });
});
