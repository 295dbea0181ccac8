// Where the live change feed connects.
import { describe, expect, it } from 'vitest';
import { feedUrl } from '../../src/web/claims/feed-url.js';

describe('feedUrl', () => {
  it('is the page’s own /graphql over ws:, or wss: on an https page', () => {
    expect(feedUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
    expect(feedUrl({ protocol: 'https:', host: 'armsgraph.example' })).toBe('wss://armsgraph.example/graphql');
  });
});
