// Timeline semantics: entries built from a dataset, their order, and the filter predicate.
import { describe, expect, it } from 'vitest';
import type { AidCommitment, Transfer } from '../../src/domain/model.js';
import { parseTimeSpan } from '../../src/domain/time.js';
import { Hierarchy, compareEntries, timelineEntries, timelinePredicate, type TimelineEntry, type TimelineFilter } from '../../src/query/index.js';
import { TEST_SOURCE, actor, dataset, event, restriction, system, transfer } from '../helpers/dataset.js';

const jpUs: Transfer = {
  ...transfer({ id: 'jp-us', from: 'JP', to: 'US', system: 'system:patriot-missile', date: '2024-01/..', status: 'PLANNED', kind: 'BACKFILL', knownSince: '2023-12-22' }),
  statusHistory: [
    { status: 'PLANNED', date: parseTimeSpan('2023-12-22'), knownSince: '2023-12-22', citations: [{ source: TEST_SOURCE.id, quote: 'planned' }] },
    { status: 'APPROVED', date: parseTimeSpan('2024-02'), knownSince: '2024-02-10', citations: [] },
  ],
};
const aid: AidCommitment = {
  id: 'aid:jp-ua', donor: 'JP', recipient: 'UA', amountUsd: { min: 1_000_000, max: 2_500_000 }, categories: ['HUMANITARIAN'],
  date: parseTimeSpan('2022-03'), citations: [], knownSince: '2022-04-01', inferred: [],
};
const data = dataset({
  actors: [actor('JP', 'Japan'), actor('US', 'United States'), actor('UA', 'Ukraine'), actor('RU', 'Russia'), actor('person:z', 'Z', [], 'PERSON', 'UA')],
  systems: [system('system:patriot', 'Patriot'), system('system:patriot-missile', 'Patriot missile', 'system:patriot')],
  transfers: [jpUs],
  events: [
    event('event:war', 'WAR', '2022-02-24/..', ['RU', 'UA']),
    event('event:announce', 'ANNOUNCEMENT', '2023-12-22', ['JP', 'US', 'JP'], '2023-12-22', ['system:patriot-missile']),
    event('event:speech', 'STATEMENT', '2023-10', ['person:z'], '2023-11-01'),
  ],
  restrictions: [
    restriction('restriction:consent', 'REEXPORT_REQUIRES_CONSENT', 'JP', '2023-12-22/..', { origins: ['JP'], systems: ['system:patriot'] }, 'JP'),
    restriction('restriction:embargo', 'NO_ARMS_EXPORT', 'US', '2014/..', { suppliers: ['RU', 'US'], recipients: ['UA'] }),
  ],
  aidCommitments: [aid],
});
const entries = timelineEntries(data);
const byId = (id: string) => entries.find((e) => e.id === id)!;

describe('timelineEntries', () => {
  it('is empty for an empty dataset', () => {
    expect(timelineEntries(dataset({ systems: [] }))).toEqual([]);
  });

  it('makes one entry per event, transfer, status change, restriction and aid commitment, in timeline order', () => {
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      ['restriction:embargo', 'RESTRICTION'],
      ['event:war', 'WAR'],
      ['aid:jp-ua', 'AID_COMMITMENT'],
      ['event:speech', 'STATEMENT'],
      ['event:announce', 'ANNOUNCEMENT'],
      ['transfer:jp-us#status-1', 'STATUS_CHANGE'],
      ['restriction:consent', 'RESTRICTION'],
      ['transfer:jp-us', 'TRANSFER'],
      ['transfer:jp-us#status-2', 'STATUS_CHANGE'],
    ]);
  });

  it('dates, subjects and known times come from the thing itself', () => {
    expect(byId('transfer:jp-us')).toMatchObject({ subjectType: 'Transfer', subject: 'transfer:jp-us', date: jpUs.date, knownSince: '2023-12-22', citations: jpUs.citations });
    expect(byId('aid:jp-ua')).toMatchObject({ subjectType: 'AidCommitment', subject: 'aid:jp-ua', date: aid.date, knownSince: '2022-04-01' });
    expect(byId('restriction:consent')).toMatchObject({ subjectType: 'Restriction', date: { edtf: '2023-12-22/..' } });
    expect(byId('event:speech')).toMatchObject({ subjectType: 'Event', subject: 'event:speech', knownSince: '2023-11-01' });
  });

  it('a status change is about its transfer, dated, known and cited as the change itself', () => {
    expect(byId('transfer:jp-us#status-1')).toMatchObject({
      subjectType: 'Transfer', subject: 'transfer:jp-us', date: { earliest: '2023-12-22', latest: '2023-12-22' }, knownSince: '2023-12-22',
      actors: ['JP', 'US'], systems: ['system:patriot-missile'], citations: [{ source: TEST_SOURCE.id, quote: 'planned' }],
    });
    expect(byId('transfer:jp-us#status-2')).toMatchObject({ knownSince: '2024-02-10', citations: [] });
  });

  it('lists each actor and system once: an event’s own, a transfer’s ends, everyone a restriction names', () => {
    expect(byId('event:announce')).toMatchObject({ actors: ['JP', 'US'], systems: ['system:patriot-missile'] });
    expect(byId('transfer:jp-us')).toMatchObject({ actors: ['JP', 'US'], systems: ['system:patriot-missile'] });
    expect(byId('restriction:embargo')).toMatchObject({ actors: ['US', 'RU', 'UA'], systems: [] });
    expect(byId('restriction:consent')).toMatchObject({ actors: ['JP'], systems: ['system:patriot'] });
    expect(byId('aid:jp-ua')).toMatchObject({ actors: ['JP', 'UA'], systems: [] });
  });

  it('titles transfers and aid with names, not ids', () => {
    expect(byId('transfer:jp-us').title).toContain('Japan → United States');
    expect(byId('transfer:jp-us').title).toContain('Patriot missile');
    expect(byId('aid:jp-ua').title).toContain('Japan');
    expect(byId('aid:jp-ua').title).toContain('Ukraine');
  });
});

describe('compareEntries', () => {
  const entry = (id: string, earliest: string, latest: string): TimelineEntry => ({ ...byId('event:war'), id, date: { ...byId('event:war').date, earliest, latest } });

  it('orders by earliest, then latest, then id', () => {
    const list = [
      entry('c', '2023-01-01', '2023-12-31'),
      entry('b', '2023-01-01', '2023-01-31'),
      entry('a', '2023-02-01', '2023-02-01'),
      entry('a', '2023-01-01', '2023-12-31'),
      entry('0', '2023-01-01', '9999-12-31'),
    ];
    expect([...list].sort(compareEntries).map((e) => `${e.id}:${e.date.latest}`)).toEqual([
      'b:2023-01-31', 'a:2023-12-31', 'c:2023-12-31', '0:9999-12-31', 'a:2023-02-01',
    ]);
  });

  it('is zero only for the same dates and id', () => {
    expect(compareEntries(entry('x', '2023-01-01', '2023-01-02'), entry('x', '2023-01-01', '2023-01-02'))).toBe(0);
    expect(compareEntries(entry('x', '2023-01-01', '2023-01-02'), entry('y', '2023-01-01', '2023-01-02'))).toBeLessThan(0);
  });
});

describe('timelinePredicate', () => {
  const actors = new Hierarchy(data.actors.map((a) => [a.id, a.partOf] as const));
  const systems = new Hierarchy(data.systems.map((s) => [s.id, s.family] as const));
  const matching = (filter: TimelineFilter) => entries.filter(timelinePredicate(filter, actors, systems)).map((e) => e.id);

  it('matches everything with an empty filter, or empty lists', () => {
    expect(matching({})).toEqual(entries.map((e) => e.id));
    expect(matching({ actors: [], systems: [], kinds: [] })).toEqual(entries.map((e) => e.id));
  });

  it('matches entries involving an actor or any of its parts, not its parents', () => {
    expect(matching({ actors: ['UA'] })).toEqual(['restriction:embargo', 'event:war', 'aid:jp-ua', 'event:speech']);
    expect(matching({ actors: ['person:z'] })).toEqual(['event:speech']);
    expect(matching({ actors: ['person:z', 'RU'] })).toEqual(['restriction:embargo', 'event:war', 'event:speech']);
  });

  it('matches entries involving a system or any member of its family, not its parents', () => {
    expect(matching({ systems: ['system:patriot'] })).toEqual([
      'event:announce', 'transfer:jp-us#status-1', 'restriction:consent', 'transfer:jp-us', 'transfer:jp-us#status-2',
    ]);
    expect(matching({ systems: ['system:patriot-missile'] })).toEqual(['event:announce', 'transfer:jp-us#status-1', 'transfer:jp-us', 'transfer:jp-us#status-2']);
  });

  it('matches kinds, windows that the date may overlap, and what was known by knownAt', () => {
    expect(matching({ kinds: ['STATUS_CHANGE', 'WAR'] })).toEqual(['event:war', 'transfer:jp-us#status-1', 'transfer:jp-us#status-2']);
    expect(matching({ between: { from: '2023-12-01', to: '2023-12-31' } })).toEqual([
      'restriction:embargo', 'event:war', 'event:announce', 'transfer:jp-us#status-1', 'restriction:consent',
    ]);
    expect(matching({ knownAt: '2023-10-31' })).toEqual(['restriction:embargo', 'event:war', 'aid:jp-ua', 'restriction:consent']);
    expect(matching({ knownAt: '2023-12-22' })).not.toContain('transfer:jp-us#status-2');
    expect(matching({ knownAt: '2023-12-22' })).toContain('transfer:jp-us#status-1');
  });

  it('requires every condition at once', () => {
    expect(matching({ actors: ['JP'], kinds: ['TRANSFER', 'AID_COMMITMENT'], between: { from: '2024-01-01', to: '2024-12-31' } })).toEqual(['transfer:jp-us']);
  });
});
