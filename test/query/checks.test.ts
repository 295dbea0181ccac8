// Restriction evaluation: rules as data, against a route, a window, the parties at war and the items' origin.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event, Restriction } from '../../src/domain/model.js';
import { Hierarchy, evaluateRoute, verdictOf, type CheckContext, type Route } from '../../src/query/index.js';
import { event, restriction } from '../helpers/dataset.js';

const NAMES: Record<string, string> = { JP: 'Japan', US: 'United States', UA: 'Ukraine', RU: 'Russia' };

function context(restrictions: Restriction[], wars: Event[] = []): CheckContext {
  return {
    restrictions,
    wars,
    actors: new Hierarchy([
      ['org:jp-mofa', 'JP'],
      ['person:zelensky', 'UA'],
    ]),
    systems: new Hierarchy([['system:patriot-missile', 'system:patriot']]),
    nameOf: (id) => NAMES[id] ?? id,
  };
}

const on = (d: string) => ({ from: d, to: d });
const route = (supplier: string, recipient: string, day: string, more: Partial<Route> = {}): Route => ({ supplier, recipient, window: on(day), ...more });
const summary = (reasons: ReturnType<typeof evaluateRoute>) => reasons.map((r) => [r.restriction, r.effect]);

const exportBan = restriction('restriction:ban', 'NO_ARMS_EXPORT', 'JP', '../2023-12-21', { suppliers: ['JP'] });
const atWar = restriction('restriction:at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'JP', '2014-04-01/..', { suppliers: ['JP'] });
const consent = restriction('restriction:consent', 'REEXPORT_REQUIRES_CONSENT', 'JP', '2023-12-22/..', { origins: ['JP'], systems: ['system:patriot'] }, 'JP');
const invasion = event('event:invasion', 'WAR', '2022-02-24/..', ['RU', 'UA']);

describe('verdictOf', () => {
  it('is ALLOWED with no reasons', () => {
    expect(verdictOf([])).toBe('ALLOWED');
  });

  it('is the strictest effect: PROHIBITED over REQUIRES_CONSENT over ALLOWED, whatever the order', () => {
    expect(verdictOf([{ effect: 'ALLOWED' }, { effect: 'REQUIRES_CONSENT' }])).toBe('REQUIRES_CONSENT');
    expect(verdictOf([{ effect: 'REQUIRES_CONSENT' }, { effect: 'PROHIBITED' }, { effect: 'ALLOWED' }])).toBe('PROHIBITED');
    expect(verdictOf([{ effect: 'PROHIBITED' }, { effect: 'REQUIRES_CONSENT' }])).toBe('PROHIBITED');
  });
});

describe('evaluateRoute', () => {
  it('finds nothing without restrictions', () => {
    expect(evaluateRoute(route('JP', 'UA', '2024-01-15'), context([], [invasion]))).toEqual([]);
  });

  it('applies a restriction only while it may be in force', () => {
    const ctx = context([exportBan]);
    expect(summary(evaluateRoute(route('JP', 'US', '2023-12-21'), ctx))).toEqual([['restriction:ban', 'PROHIBITED']]);
    expect(evaluateRoute(route('JP', 'US', '2023-12-22'), ctx)).toEqual([]);
    expect(summary(evaluateRoute(route('JP', 'US', '2023-12-22', { window: { from: '2023-12-01', to: '2024-01-31' } }), ctx))).toEqual([
      ['restriction:ban', 'PROHIBITED'],
    ]);
  });

  it('binds suppliers and recipients through partOf, and nobody else', () => {
    const embargo = restriction('restriction:embargo', 'NO_ARMS_EXPORT', 'JP', '2020/..', { suppliers: ['JP'], recipients: ['UA'] });
    const ctx = context([embargo]);
    expect(summary(evaluateRoute(route('org:jp-mofa', 'person:zelensky', '2024-01-15'), ctx))).toEqual([['restriction:embargo', 'PROHIBITED']]);
    expect(evaluateRoute(route('US', 'UA', '2024-01-15'), ctx)).toEqual([]);
    expect(evaluateRoute(route('JP', 'US', '2024-01-15'), ctx)).toEqual([]);
  });

  it('binds systems through their family; a route with no system is bound by every system scope', () => {
    const patriotBan = restriction('restriction:patriots', 'NO_ARMS_EXPORT', 'JP', '2020/..', { suppliers: ['JP'], systems: ['system:patriot'] });
    const ctx = context([patriotBan]);
    expect(evaluateRoute(route('JP', 'US', '2024-01-15', { system: 'system:patriot-missile' }), ctx)).toHaveLength(1);
    expect(evaluateRoute(route('JP', 'US', '2024-01-15', { system: 'system:kinzhal' }), ctx)).toEqual([]);
    expect(evaluateRoute(route('JP', 'US', '2024-01-15'), ctx)).toHaveLength(1);
  });

  it('prohibits exports to a party at war only while the war may last, parts of a party included', () => {
    const ended = event('event:old-war', 'WAR', '2015/2016', ['US', 'RU']);
    const ctx = context([atWar], [invasion, ended]);
    expect(summary(evaluateRoute(route('JP', 'UA', '2024-01-15'), ctx))).toEqual([['restriction:at-war', 'PROHIBITED']]);
    expect(summary(evaluateRoute(route('JP', 'person:zelensky', '2024-01-15'), ctx))).toEqual([['restriction:at-war', 'PROHIBITED']]);
    expect(evaluateRoute(route('JP', 'UA', '2022-02-23'), ctx)).toEqual([]);
    expect(summary(evaluateRoute(route('JP', 'US', '2016-12-31'), ctx))).toEqual([['restriction:at-war', 'PROHIBITED']]);
    expect(evaluateRoute(route('JP', 'US', '2024-01-15'), ctx)).toEqual([]);
  });

  it('names the war with the lowest id when the recipient is party to several', () => {
    const later = event('event:z-second-war', 'WAR', '2023/..', ['UA']);
    const earlier = event('event:a-first-war', 'WAR', '2023/..', ['UA']);
    const [reason] = evaluateRoute(route('JP', 'UA', '2024-01-15'), context([atWar], [later, earlier]));
    expect(reason!.message).toContain('event:a-first-war');
    expect(reason!.message).not.toContain('event:z-second-war');
  });

  it('asks consent for items from the origin moved on by someone else, not for the origin’s own exports', () => {
    const ctx = context([consent]);
    const reexport = evaluateRoute(route('US', 'UA', '2024-01-15', { system: 'system:patriot-missile', origin: 'JP' }), ctx);
    expect(reexport.map((r) => [r.restriction, r.effect, r.consentOf])).toEqual([['restriction:consent', 'REQUIRES_CONSENT', 'JP']]);
    expect(evaluateRoute(route('US', 'UA', '2024-01-15', { system: 'system:patriot-missile' }), ctx)).toEqual([]);
    expect(evaluateRoute(route('US', 'UA', '2024-01-15', { system: 'system:patriot-missile', origin: 'DE' }), ctx)).toEqual([]);
    expect(evaluateRoute(route('JP', 'UA', '2024-01-15', { system: 'system:patriot-missile', origin: 'JP' }), ctx)).toEqual([]);
    expect(evaluateRoute(route('org:jp-mofa', 'UA', '2024-01-15', { system: 'system:patriot', origin: 'JP' }), ctx)).toEqual([]);
    expect(evaluateRoute(route('US', 'UA', '2023-12-21', { system: 'system:patriot-missile', origin: 'JP' }), ctx)).toEqual([]);
  });

  it('asks the consent of whoever imposed the rule when it names nobody else', () => {
    const noConsentOf = restriction('restriction:implicit', 'REEXPORT_REQUIRES_CONSENT', 'US', '2020/..', { origins: ['US'] });
    const [reason] = evaluateRoute(route('UA', 'person:zelensky', '2024-01-15', { origin: 'US' }), context([noConsentOf]));
    expect(reason).toMatchObject({ effect: 'REQUIRES_CONSENT', consentOf: 'US' });
  });

  it('carries the restriction’s rule and citations, and the hop it bears on (null by default)', () => {
    const ctx = context([atWar], [invasion]);
    const [direct] = evaluateRoute(route('JP', 'UA', '2024-01-15'), ctx);
    expect(direct).toMatchObject({ restriction: 'restriction:at-war', rule: 'NO_EXPORT_TO_PARTY_AT_WAR', hop: null, citations: atWar.citations });
    expect(direct!.consentOf).toBeUndefined();
    expect(evaluateRoute(route('JP', 'UA', '2024-01-15'), ctx, 2)[0]!.hop).toBe(2);
  });

  it('lists prohibitions before consents, then by restriction id', () => {
    const alsoBan = restriction('restriction:aa-embargo', 'NO_ARMS_EXPORT', 'US', '2020/..', { suppliers: ['US'] });
    const ctx = context([consent, atWar, exportBan, alsoBan], [invasion]);
    const reasons = evaluateRoute(route('US', 'UA', '2024-01-15', { system: 'system:patriot', origin: 'JP' }), ctx);
    expect(summary(reasons)).toEqual([
      ['restriction:aa-embargo', 'PROHIBITED'],
      ['restriction:consent', 'REQUIRES_CONSENT'],
    ]);
    const both = evaluateRoute(route('JP', 'UA', '2023-12-01', { window: { from: '2023-12-01', to: '2024-01-31' } }), ctx);
    expect(summary(both)).toEqual([
      ['restriction:at-war', 'PROHIBITED'],
      ['restriction:ban', 'PROHIBITED'],
    ]);
  });

  it('finds among many restrictions exactly those the rules say bear on the route, whatever their order (the indexes skip none)', () => {
    // Suppliers, recipients and origins drawn among actors, their parts and parents, so that one restriction can
    // name two actors of a supplier chain, and consent rules with and without suppliers.
    const actor = fc.constantFrom('JP', 'US', 'UA', 'RU', 'org:jp-mofa', 'person:zelensky');
    const scope = fc.record({ suppliers: fc.array(actor, { maxLength: 3 }), recipients: fc.array(actor, { maxLength: 2 }), origins: fc.array(actor, { maxLength: 2 }) });
    const rule = fc.constantFrom('NO_ARMS_EXPORT', 'NO_EXPORT_TO_PARTY_AT_WAR', 'REEXPORT_REQUIRES_CONSENT') as fc.Arbitrary<Restriction['rule']>;
    const inForce = fc.constantFrom('2020/..', '../2023-12-21', '2024-01-01/2024-12-31');
    const restrictions = fc.uniqueArray(fc.record({ n: fc.integer({ min: 0, max: 99 }), rule, inForce, scope }), { selector: (r) => r.n, maxLength: 12 });
    const question = fc.record({ supplier: actor, recipient: actor, origin: fc.option(actor, { nil: undefined }), day: fc.constantFrom('2023-06-01', '2024-03-01') });
    fc.assert(
      fc.property(restrictions, question, (rs, q) => {
        const list = rs.map((r) => restriction(`restriction:${String(r.n).padStart(2, '0')}`, r.rule, 'JP', r.inForce, r.scope));
        const r = route(q.supplier, q.recipient, q.day, q.origin === undefined ? {} : { origin: q.origin });
        const together = evaluateRoute(r, context(list, [invasion]));
        expect(together).toEqual(evaluateRoute(r, context([...list].reverse(), [invasion])));
        // Which restrictions bear, read one by one from the rules (DESIGN §5), independently of the evaluator.
        const up = (id: string) => [id, ...({ 'org:jp-mofa': ['JP'], 'person:zelensky': ['UA'] }[id] ?? [])];
        const names = (list: readonly string[] | undefined, chain: readonly string[]) => !list?.length || chain.some((a) => list.includes(a));
        const bears = list.filter((x) => {
          const window = on(q.day);
          if (!(x.inForce.earliest <= window.to && x.inForce.latest >= window.from)) return false;
          if (!names(x.appliesTo.suppliers, up(q.supplier)) || !names(x.appliesTo.recipients, up(q.recipient))) return false;
          if (x.rule === 'NO_EXPORT_TO_PARTY_AT_WAR') return up(q.recipient).some((a) => invasion.actors.includes(a)) && q.day >= '2022-02-24';
          if (x.rule === 'REEXPORT_REQUIRES_CONSENT') {
            const origins = x.appliesTo.origins ?? [];
            return q.origin !== undefined && origins.includes(q.origin) && !origins.some((o) => up(q.supplier).includes(o));
          }
          return true;
        });
        expect(together.map((x) => x.restriction).sort()).toEqual(bears.map((x) => x.id).sort());
      }),
      { numRuns: 400, seed: 20_261_130 },
    );
  });
});
