// Reads an export request's query string (`?format=gexf&around=JP,UA&depth=2&system=Patriot&between=2022/2024`).
import { InvalidArgumentError } from '../domain/errors.js';
import { TRANSFER_STATUSES, type TransferStatus } from '../domain/model.js';
import { parseWindow } from '../domain/time.js';
import type { GraphStore, TransferFilter } from '../store/types.js';
import { EXPORT_FORMATS, isExportFormat, type CsvPart, type ExportFormat } from './export-files.js';
import type { ExportSelection } from './selection.js';

/** Parses and resolves the query of GET /export; every error names its parameter. */
export async function exportQuery(
  store: GraphStore,
  query: Record<string, string | undefined>,
): Promise<{ selection: ExportSelection; format: ExportFormat; part: CsvPart }> {
  const format = (query.format ?? '').toUpperCase();
  if (!isExportFormat(format)) {
    throw new InvalidArgumentError(`format must be one of ${EXPORT_FORMATS.map((f) => f.toLowerCase()).join(', ')}, got "${query.format ?? ''}"`, { argument: 'format' });
  }
  const part = (query.part ?? 'nodes') as CsvPart;
  if (part !== 'nodes' && part !== 'relationships') {
    throw new InvalidArgumentError(`part must be nodes or relationships (a CSV export is two files), got "${query.part}"`, { argument: 'part' });
  }
  const depth = query.depth === undefined ? 1 : Number(query.depth);
  if (!Number.isInteger(depth)) throw new InvalidArgumentError(`depth must be an integer, got "${query.depth}"`, { argument: 'depth' });
  const refs = (query.around ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  const around = await Promise.all(refs.map((ref) => store.resolveActor(ref)));
  let statuses: TransferStatus[] | undefined;
  if (query.statuses) {
    statuses = query.statuses.split(',').map((x) => x.trim().toUpperCase()) as TransferStatus[];
    const bad = statuses.find((x) => !TRANSFER_STATUSES.includes(x));
    if (bad) throw new InvalidArgumentError(`statuses: unknown status "${bad}"`, { argument: 'statuses' });
  }
  const filter: TransferFilter = {
    ...(query.system && { system: await store.resolveSystem(query.system) }),
    ...(statuses && { statuses }),
    ...(query.between && { between: parseWindow(query.between, 'between') }),
  };
  return { selection: { around, depth, filter }, format, part };
}
