// The claim form's values as the API's input, the API's issues back onto the form's fields, the quote check's words.
import { describe, expect, it } from 'vitest';
import {
  eventInput, fieldOfIssue, issuesByField, listOf, parseQuantity, quoteVerdict, quoteVerdictText, transferInput, type ClaimFormValues,
} from '../../src/web/claims/claim-input.js';

const FORM: ClaimFormValues = {
  supplier: ' Japan ', recipient: 'Ukraine', system: 'Patriot missile', status: 'POTENTIAL', kind: 'UNKNOWN', date: '2024/..', quantity: '',
  source: 'source:kyiv-independent-2023-12-japan-patriots', quote: ' The U.S. would still need ', note: '',
};

describe('parseQuantity', () => {
  it('leaves a blank quantity out', () => {
    expect(parseQuantity('  ')).toBeUndefined();
  });
  it('reads a whole number as exact, a range as min and max, anything else as the source’s words', () => {
    expect(parseQuantity('12')).toEqual({ exact: 12 });
    expect(parseQuantity('10-20')).toEqual({ min: 10, max: 20 });
    expect(parseQuantity('10 – 20')).toEqual({ min: 10, max: 20 });
    expect(parseQuantity('dozens')).toEqual({ text: 'dozens' });
    expect(parseQuantity('-3')).toEqual({ text: '-3' });
  });
});

describe('transferInput', () => {
  it('trims the fields, leaves blank optional ones out, cites the source with the quote', () => {
    expect(transferInput(FORM)).toEqual({
      supplier: 'Japan', recipient: 'Ukraine', system: 'Patriot missile', status: 'POTENTIAL', kind: 'UNKNOWN', date: '2024/..',
      citations: [{ source: 'source:kyiv-independent-2023-12-japan-patriots', quote: 'The U.S. would still need' }],
    });
  });
  it('adds a new source (without its url when blank) and a note', () => {
    const input = transferInput({
      ...FORM, quote: '', note: 'says a third system', quantity: '1', source: 'source:bmvg-2024-04-13',
      newSource: { title: 'Germany to deliver a third Patriot system', publisher: 'BMVg', publishedAt: '2024-04-13', url: '' },
    });
    expect(input.quantity).toEqual({ exact: 1 });
    expect(input.citations).toEqual([{ source: 'source:bmvg-2024-04-13', note: 'says a third system' }]);
    expect(input.sources).toEqual([{ id: 'source:bmvg-2024-04-13', title: 'Germany to deliver a third Patriot system', publisher: 'BMVg', publishedAt: '2024-04-13' }]);
  });
});

describe('listOf', () => {
  it('splits on commas and semicolons, dropping blanks', () => {
    expect(listOf(' Japan, United States;; ')).toEqual(['Japan', 'United States']);
    expect(listOf('')).toEqual([]);
  });
});

describe('eventInput', () => {
  it('takes the actors and systems as lists, leaves no systems out, shares the citation part', () => {
    const citation = { date: FORM.date, quantity: FORM.quantity, source: FORM.source, quote: FORM.quote, note: FORM.note };
    expect(eventInput({ ...citation, kind: 'ANNOUNCEMENT', title: ' Japan will send Patriots ', actors: 'Japan, United States', systems: ' ' })).toEqual({
      kind: 'ANNOUNCEMENT', title: 'Japan will send Patriots', actors: ['Japan', 'United States'], date: '2024/..',
      citations: [{ source: 'source:kyiv-independent-2023-12-japan-patriots', quote: 'The U.S. would still need' }],
    });
  });
});

describe('fieldOfIssue', () => {
  it('names no field for an issue of the claim as a whole or an unknown path', () => {
    expect(fieldOfIssue('input')).toBeUndefined();
    expect(fieldOfIssue('id')).toBeUndefined();
    expect(fieldOfIssue('input.knownSince')).toBeUndefined();
  });
  it('maps the mutation’s argument paths to the form’s fields, going up to the nearest one it knows', () => {
    expect(fieldOfIssue('input.recipient')).toBe('recipient');
    expect(fieldOfIssue('input.citations[0].quote')).toBe('quote');
    expect(fieldOfIssue('input.citations[0].source')).toBe('source');
    expect(fieldOfIssue('input.citations')).toBe('quote');
    expect(fieldOfIssue('input.quantity.min')).toBe('quantity');
    expect(fieldOfIssue('input.sources[0].publishedAt')).toBe('source-published');
  });
  it('maps an event’s own arguments to the event’s fields', () => {
    expect(fieldOfIssue('input.kind', 'event')).toBe('event-kind');
    expect(fieldOfIssue('input.kind', 'transfer')).toBe('kind');
    expect(fieldOfIssue('input.actors[1]', 'event')).toBe('actors');
    expect(fieldOfIssue('input.title', 'event')).toBe('title');
    expect(fieldOfIssue('input.supplier', 'event')).toBeUndefined();
    expect(fieldOfIssue('input.citations[0].quote', 'event')).toBe('quote');
  });
});

describe('issuesByField', () => {
  it('groups the messages by field, the claim’s own under form', () => {
    const grouped = issuesByField([
      { field: 'input.recipient', message: 'unknown actor "Atlantis"' },
      { field: 'input.citations[0].quote', message: 'quote not found' },
      { field: 'input.citations[0].quote', message: 'too long' },
      { field: 'input', message: 'something else' },
    ]);
    expect([...grouped]).toEqual([['recipient', ['unknown actor "Atlantis"']], ['quote', ['quote not found', 'too long']], ['form', ['something else']]]);
  });
});

describe('quoteVerdict', () => {
  it('says whether the source is known, has a text, and holds the quote', () => {
    expect(quoteVerdict({ sourceKnown: false, hasText: false, found: null })).toBe('unknown-source');
    expect(quoteVerdict({ sourceKnown: true, hasText: false, found: null })).toBe('no-text');
    expect(quoteVerdict({ sourceKnown: true, hasText: true, found: false })).toBe('not-found');
    expect(quoteVerdict({ sourceKnown: true, hasText: true, found: true })).toBe('found');
  });
  it('has words for every verdict', () => {
    expect(quoteVerdictText('found')).toBe('Quote found in the stored text of the source.');
    expect(quoteVerdictText('no-text')).toContain('add a note');
  });
});
