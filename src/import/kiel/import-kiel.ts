// Imports a Kiel Ukraine Support Tracker release (a directory of its CSV files) into a Dataset, with a summary.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, ValidationError, type ValidationIssue } from '../../domain/errors.js';
import type { Dataset } from '../../domain/model.js';
import { IssueCollector } from '../issues.js';
import { DATA_EXPLORER_COLUMNS, KIEL_FILES, RELEASE_INFO_COLUMNS, WEAPONS_COLUMNS } from './columns.js';
import { KielDatasetBuilder, type KielRelease, type KielUnmapped } from './map-kiel.js';
import { readKielCsv, type KielRecordRow } from './read-csv.js';

/** Options of importKiel. */
export interface ImportKielOptions {
  /** Stop reading a file after this many issues (default 100). */
  readonly maxIssues?: number;
}

/** What an import read and made. */
export interface ImportKielSummary {
  readonly release: string;
  readonly label: string;
  /** Publication day: the known time of every fact. */
  readonly published: string;
  readonly weaponRows: number;
  /** Items of the weapons lists: one commitment each. */
  readonly items: number;
  /** Donor-months read from data_explorer.csv, and how many of them held no aid (left out). */
  readonly months: number;
  readonly zeroMonths: number;
  readonly commitments: number;
  readonly donors: number;
  /** Items that belong to no known system family, with their weapons.csv lines: committed without a system. */
  readonly unmappedItems: readonly KielUnmapped[];
  readonly millis: number;
}

/** Reads release_info.csv: exactly one row with a release, a period MM/YYYY and an ISO day. */
async function readRelease(dir: string, issues: IssueCollector): Promise<KielRelease | undefined> {
  let found: KielRelease | undefined;
  for await (const row of readKielCsv(path.join(dir, KIEL_FILES.releaseInfo), KIEL_FILES.releaseInfo, RELEASE_INFO_COLUMNS, issues)) {
    if (found !== undefined) {
      issues.add(row.line, 'release', 'a second release row: release_info.csv names one release');
      continue;
    }
    const { release = '', period = '', date = '', label = '' } = row.cells;
    const before = issues.size;
    if (row.width < RELEASE_INFO_COLUMNS.length) issues.add(row.line, RELEASE_INFO_COLUMNS[row.width] ?? 'release', `row has ${row.width} of 4 cells: truncated`);
    if (!/^\d+$/.test(release)) issues.add(row.line, 'release', `expected the release number, found ${JSON.stringify(release)}`);
    const p = /^(\d{2})\/(\d{4})$/.exec(period);
    if (p === null || Number(p[1]) < 1 || Number(p[1]) > 12) issues.add(row.line, 'period', `expected the period as MM/YYYY (e.g. "04/2026"), found ${JSON.stringify(period)}`);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
    if (day === undefined || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
      issues.add(row.line, 'date', `expected the publication day as YYYY-MM-DD, found ${JSON.stringify(date)}`);
    }
    if (issues.size === before) found = { release, period: `${p![2]}-${p![1]}`, date, label };
    else found = { release: '', period: '', date: '', label: '' };
  }
  if (found === undefined && issues.size === 0) issues.add(2, 'release', 'no release row after the header');
  return found?.release === '' ? undefined : found;
}

/**
 * Reads a Kiel Ukraine Support Tracker release directory (release_info.csv, weapons.csv, data_explorer.csv) into a
 * Dataset: a commitment (donor → Ukraine) per item of every weapons list, with its system family when it has one,
 * and one per donor-month of aid, each citing its file and line, all known since the release's publication day.
 * Throws ValidationError listing every problem (`file:line: field: message`) when any file has one, so a partly
 * valid release yields no dataset.
 */
export async function importKiel(dir: string, options: ImportKielOptions = {}): Promise<{ dataset: Dataset; summary: ImportKielSummary }> {
  const started = performance.now();
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => undefined);
  if (isDir === undefined) throw new InvalidArgumentError(`cannot read Kiel release "${dir}": no such directory`, { file: dir });
  if (!isDir) throw new InvalidArgumentError(`"${dir}" is a file: give the release directory (with ${Object.values(KIEL_FILES).join(', ')})`, { file: dir });
  const collector = (name: string) => new IssueCollector(path.join(dir, name), options.maxIssues);
  const all: IssueCollector[] = [];
  const issues: ValidationIssue[] = [];
  const run = async (name: string, body: (c: IssueCollector) => Promise<void>) => {
    const c = collector(name);
    all.push(c);
    const exists = await stat(path.join(dir, name)).then((s) => s.isFile(), () => false);
    if (!exists) {
      c.add(null, '', `missing: a Kiel release directory holds ${Object.values(KIEL_FILES).join(', ')}`);
      return;
    }
    try {
      await body(c);
    } catch (error) {
      // The cap of one file: keep its issues and go on with the others.
      if (!(error instanceof ValidationError)) throw error;
    }
  };
  let release: KielRelease | undefined;
  await run(KIEL_FILES.releaseInfo, async (c) => { release = await readRelease(dir, c); });
  const builder = new KielDatasetBuilder(release ?? { release: '0', period: '2026-01', date: '2026-01-01', label: '' });
  // Each data file streams its rows into the builder; a file with a header and nothing else imports nothing.
  const rowsOf = (name: string, columns: readonly string[], add: (row: KielRecordRow, c: IssueCollector) => void, field: string, empty: string) =>
    run(name, async (c) => {
      let rows = 0;
      for await (const row of readKielCsv(path.join(dir, name), name, columns, c)) {
        rows++;
        add(row, c);
      }
      if (rows === 0 && c.size === 0) c.add(2, field, `no data rows after the header: ${empty}`);
    });
  await rowsOf(KIEL_FILES.weapons, WEAPONS_COLUMNS, (row, c) => builder.addWeapons(row, c), 'donor', 'the release commits no weapons');
  await rowsOf(KIEL_FILES.dataExplorer, DATA_EXPLORER_COLUMNS, (row, c) => builder.addMonth(row, c), 'country', 'the release has no monthly figures');
  for (const c of all) issues.push(...c.issues);
  if (issues.length > 0 || release === undefined) throw new ValidationError(issues);
  const result = builder.finish();
  const { dataset } = result;
  return {
    dataset,
    summary: {
      release: release.release, label: release.label, published: release.date,
      weaponRows: result.weaponRows, items: result.items, months: result.months, zeroMonths: result.zeroMonths,
      commitments: dataset.aidCommitments.length,
      donors: dataset.actors.length - 1,
      unmappedItems: result.unmappedItems,
      millis: Math.round(performance.now() - started),
    },
  };
}
