// A correction from the dashboard: the form filled with the fact as it stands, what the form does not show carried.
import { describe, expect, it } from 'vitest';
import type { EventDetails, TransferDetails } from '../../src/web/api/types.js';
import { eventCorrection, quantityField, transferCorrection, withCarried } from '../../src/web/claims/correction.js';
import { parseQuantity } from '../../src/web/claims/claim-input.js';

const span = (edtf: string) => ({ edtf, earliest: '2024-01-01', latest: '9999-12-31', precision: 'MONTH' as const, approximate: false, uncertain: false });
const source = (id: string) => ({ id, title: id, publisher: 'P', url: null, publishedAt: { edtf: '2023-12' } });

const TRANSFER = {
  __typename: 'Transfer', id: 'transfer:x', supplier: { id: 'JP', name: 'Japan' }, recipient: { id: 'US', name: 'United States' },
  system: { id: 'system:patriot-missile', name: 'Patriot missile', category: 'MISSILE' }, quantity: { exact: null, min: null, max: null, text: 'dozens' },
  status: 'PLANNED', transferKind: 'BACKFILL', date: span('2024-01/..'), valueUsd: { min: 1e6, max: null, text: null },
  enabledBy: [{ id: 'event:a', title: 'A' }], subjectTo: [], backfills: [{ id: 'transfer:b' }], statusHistory: [], sipri: null,
  citations: [
    { quote: 'Japan plans to send dozens', note: null, locator: null, source: source('source:one') },
    { quote: null, note: 'says so too', locator: 'p. 2', source: source('source:two') },
  ],
  knownSince: '2023-12-22', knownUntil: null, factSource: 'CLAIM', claim: null, inferredFields: ['date'], note: 'read as a backfill',
} as unknown as TransferDetails;

describe('quantityField', () => {
  it('is empty without a quantity', () => {
    expect(quantityField(null)).toBe('');
  });
  it('writes what parseQuantity reads back', () => {
    for (const q of [{ exact: 12 }, { min: 10, max: 20 }, { text: 'dozens' }]) {
      const full = { exact: null, min: null, max: null, text: null, ...q };
      expect(parseQuantity(quantityField(full))).toEqual(q);
    }
  });
});

describe('transferCorrection', () => {
  it('fills the form with ids, the first citation, the date and quantity; carries the rest unchanged', () => {
    const { values, carried } = transferCorrection(TRANSFER);
    expect(values).toEqual({
      supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL',
      date: '2024-01/..', quantity: 'dozens', source: 'source:one', quote: 'Japan plans to send dozens', note: '',
    });
    expect(carried).toEqual({
      fields: { valueUsd: { min: 1e6 }, note: 'read as a backfill', inferred: ['date'], enabledBy: ['event:a'], backfills: ['transfer:b'] },
      citations: [{ source: 'source:two', note: 'says so too', locator: 'p. 2' }],
    });
  });
});

describe('eventCorrection', () => {
  it('lists the actors and systems by id', () => {
    const event = {
      __typename: 'Event', id: 'event:x', eventKind: 'ANNOUNCEMENT', title: 'T', date: span('2023-12-22'), actors: [{ id: 'JP', name: 'Japan' }, { id: 'US', name: 'U' }],
      systems: [], quantity: null, valueUsd: null, citations: [TRANSFER.citations[0]], knownSince: '2023-12-22', knownUntil: null, claim: null, inferredFields: [], note: null,
    } as unknown as EventDetails;
    expect(eventCorrection(event)).toEqual({
      values: { kind: 'ANNOUNCEMENT', title: 'T', actors: 'JP, US', systems: '', date: '2023-12-22', quantity: '', source: 'source:one', quote: 'Japan plans to send dozens', note: '' },
      carried: { fields: {}, citations: [] },
    });
  });
});

describe('withCarried', () => {
  it('leaves an addition as it is', () => {
    const input = { kind: 'STATEMENT' as const, title: 'T', date: '2024', citations: [{ source: 's' }] };
    expect(withCarried(input, undefined)).toBe(input);
  });
  it('adds the carried fields under the form’s, and the further citations after the form’s', () => {
    const input = { kind: 'STATEMENT' as const, title: 'T', date: '2024', note: 'mine', citations: [{ source: 's' }] };
    expect(withCarried(input, { fields: { note: 'old', inferred: ['date'] }, citations: [{ source: 't', note: 'n' }] })).toEqual({
      kind: 'STATEMENT', title: 'T', date: '2024', note: 'mine', inferred: ['date'], citations: [{ source: 's' }, { source: 't', note: 'n' }],
    });
  });
});
