// Export links of the dashboard: GET /export with the selection's actors.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportHref } from '../../src/web/api/export-href.js';

describe('exportHref', () => {
  it('escapes each id but keeps the commas between them', () => {
    expect(exportHref('gexf', ['org:jp-mofa', 'A&B'], 2)).toBe('/export?format=gexf&around=org%3Ajp-mofa,A%26B&depth=2');
  });
  it('links every format for the Patriot path', () => {
    expect(EXPORT_FORMATS.map((f) => exportHref(f, ['JP', 'US', 'UA'], 1))).toEqual([
      '/export?format=graphml&around=JP,US,UA&depth=1',
      '/export?format=gexf&around=JP,US,UA&depth=1',
      '/export?format=json&around=JP,US,UA&depth=1',
      '/export?format=cypher&around=JP,US,UA&depth=1',
      '/export?format=csv&around=JP,US,UA&depth=1',
    ]);
  });
});
