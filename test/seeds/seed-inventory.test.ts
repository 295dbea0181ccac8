// The bundled seed holds every fact of DESIGN §9, grounded in the article, and its JSON Schema is current.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/model.js';
import { normalizeQuoteText } from '../../src/domain/text.js';
import { loadSeedDir, seedJsonSchema } from '../../src/seeds/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = 'source:kyiv-independent-2023-12-japan-patriots';

describe('seed inventory (DESIGN §9)', () => {
  let d: Dataset;
  let article: string;
  beforeAll(async () => {
    d = await loadSeedDir(path.join(ROOT, 'seeds'));
    article = normalizeQuoteText(await readFile(path.join(ROOT, 'seeds/sources/japan-patriots-2023-12.txt'), 'utf8'));
  });
  const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
    const found = items.find((x) => x.id === id);
    if (!found) throw new Error(`missing ${id}`);
    return found;
  };

  it('stores the article byte for byte with its title and publisher', async () => {
    const stored = await readFile(path.join(ROOT, 'seeds/sources/japan-patriots-2023-12.txt'));
    const shared = await readFile(path.join(ROOT, '../shared/sources/japan-patriots-2023-12.txt')).catch(() => stored);
    expect(stored.equals(shared)).toBe(true);
    expect(byId(d.sources, ARTICLE)).toMatchObject({ publisher: 'The Kyiv Independent', textFile: 'sources/japan-patriots-2023-12.txt' });
  });

  it('holds the Dec. 22 rule change with its year marked as inferred', () => {
    const e = byId(d.events, 'event:jp-export-rules-2023-12-22');
    expect(e).toMatchObject({ kind: 'POLICY_CHANGE', date: { edtf: '2023-12-22', precision: 'DAY' }, inferred: ['date'] });
    expect(e.actors).toEqual(['JP', 'org:jp-mofa']);
  });

  it('holds Japan → US: dozens of Patriot missiles, from the beginning of 2024, backfilling US → Ukraine', () => {
    const t = byId(d.transfers, 'transfer:jp-us-patriot-missiles-2024');
    expect(t).toMatchObject({
      supplier: 'JP', recipient: 'US', system: 'system:patriot-missile', status: 'PLANNED', kind: 'BACKFILL',
      quantity: { min: 24, text: 'dozens' }, date: { edtf: '2024-01/..', earliest: '2024-01-01' },
      backfills: ['transfer:us-ua-patriot-missiles-potential'],
    });
    expect(byId(d.transfers, 'transfer:us-ua-patriot-missiles-potential')).toMatchObject({ supplier: 'US', recipient: 'UA', status: 'POTENTIAL' });
  });

  it('holds the consent rule, the ban on exports to parties at war and the old general ban', () => {
    expect(byId(d.restrictions, 'restriction:jp-reexport-consent')).toMatchObject({ rule: 'REEXPORT_REQUIRES_CONSENT', consentOf: 'JP' });
    expect(byId(d.restrictions, 'restriction:jp-no-export-to-party-at-war')).toMatchObject({ rule: 'NO_EXPORT_TO_PARTY_AT_WAR', imposedBy: 'JP' });
    expect(byId(d.restrictions, 'restriction:jp-arms-export-ban').inForce).toMatchObject({ latest: '2023-12-21' });
  });

  it('holds Ukraine’s first Patriots (April 2023), the Kinzhal intercepts, Zelensky’s warning, production, Emanuel and the WSJ', () => {
    expect(byId(d.transfers, 'transfer:ua-first-patriot-systems-2023-04')).toMatchObject({ recipient: 'UA', status: 'DELIVERED', date: { precision: 'MONTH' } });
    expect(byId(d.events, 'event:ua-patriots-down-kinzhal').systems).toEqual(['system:patriot', 'system:kinzhal']);
    expect(byId(d.events, 'event:zelensky-energy-warning-2023-10')).toMatchObject({ kind: 'WARNING', date: { edtf: '2023-10' } });
    expect(byId(d.events, 'event:lockheed-patriot-production')).toMatchObject({ quantity: { exact: 550 }, valueUsd: { text: 'millions of dollars each' } });
    expect(byId(d.events, 'event:emanuel-patriot-inventory-statement').actors).toContain('person:rahm-emanuel');
    expect(byId(d.events, 'event:wsj-report-japan-patriots').actors).toContain('org:wsj');
  });

  it('holds Japan’s aid: more than $7 billion, humanitarian and non-lethal military', () => {
    expect(byId(d.aidCommitments, 'aid:jp-ua-since-2022')).toMatchObject({
      donor: 'JP', recipient: 'UA', amountUsd: { min: 7_000_000_000 }, categories: ['HUMANITARIAN', 'NON_LETHAL_MILITARY'],
    });
  });

  it('dates the full-scale invasion from its own source, marked as inferred', () => {
    const war = byId(d.events, 'event:ru-full-scale-invasion');
    expect(war).toMatchObject({ kind: 'WAR', date: { earliest: '2022-02-24' }, inferred: ['date'] });
    expect(war.citations.map((c) => c.source)).toContain('source:un-ga-res-es-11-1');
  });

  it('grounds every fact in a citation; quotes of the article occur in it and none comes from the page furniture', () => {
    const furniture = article.indexOf('Ukraine finally moves to fortify front line');
    expect(furniture).toBeGreaterThan(0);
    const facts = [...d.transfers, ...d.events, ...d.restrictions, ...d.aidCommitments];
    for (const fact of facts) {
      expect(fact.citations.length, fact.id).toBeGreaterThan(0);
      for (const c of fact.citations.filter((x) => x.source === ARTICLE)) {
        const at = article.indexOf(normalizeQuoteText(c.quote!));
        expect(at, `${fact.id}: ${c.quote}`).toBeGreaterThanOrEqual(0);
        expect(at, `${fact.id} quotes page furniture`).toBeLessThan(furniture);
      }
    }
  });

  it('the committed JSON Schema of seed files matches the model', async () => {
    const committed = JSON.parse(await readFile(path.join(ROOT, 'schema/seed.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(seedJsonSchema())));
  });
});
