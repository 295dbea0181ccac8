// The SIPRI CSV reader: malformed exports fail with located issues; real and edge-case rows read as typed rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ValidationError, type ValidationIssue } from '../../src/domain/errors.js';
import { openSipriCsv, type SipriRow } from '../../src/import/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sipri');
const fixture = (name: string) => path.join(FIXTURES, name);

async function readAll(input: string | Readable, maxIssues?: number): Promise<{ rows: SipriRow[]; issues: readonly ValidationIssue[] }> {
  const csv = await openSipriCsv(input, maxIssues === undefined ? {} : { maxIssues });
  const rows: SipriRow[] = [];
  for await (const row of csv.rows()) rows.push(row);
  return { rows, issues: csv.issues.issues };
}

async function failure(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

/** The excerpt's preamble and header (12 lines), to build small inputs in memory. */
const HEAD = readFileSync(fixture('excerpt.csv'), 'latin1').split('\r\n').slice(0, 12).join('\r\n');

describe('openSipriCsv', () => {
  it('rejects a wrong header, naming each differing column and showing expected vs found', async () => {
    const error = await failure(openSipriCsv(fixture('wrong-header.csv')));
    expect(error.code).toBe('VALIDATION_FAILED');
    const [issue] = error.issues;
    expect(issue).toMatchObject({ file: fixture('wrong-header.csv'), line: 12, field: 'header' });
    expect(issue?.message).toContain('column 3: expected "Recipient", found "Recipent"');
    expect(issue?.message).toContain('column 17 "Local production" is missing');
    expect(issue?.message).toContain('expected "SIPRI AT Database ID,Supplier,Recipient,');
  });

  it('reports a truncated row with its line and the first missing column', async () => {
    const { rows, issues } = await readAll(fixture('truncated-row.csv'));
    expect(issues).toEqual([
      expect.objectContaining({ line: 14, field: 'TIV deal unit', message: expect.stringMatching(/row has 14 of 17 columns \(truncated\?\): missing "TIV deal unit", "TIV delivery values", "Local production"/) }),
    ]);
    expect(rows.map((r) => r.line)).toEqual([13, 15]);
  });

  it('reports every non-numeric cell, not only the first', async () => {
    const { issues } = await readAll(fixture('non-numeric-tiv.csv'));
    expect(issues).toEqual([
      expect.objectContaining({ line: 14, field: 'TIV delivery values', message: expect.stringContaining('expected a TIV in millions (a non-negative number such as 1.25) or an empty cell, found "n/a"') }),
      expect.objectContaining({ line: 15, field: 'Numbers delivered', message: expect.stringContaining('found "one"') }),
    ]);
  });

  it('accepts only Yes, No or empty as an estimate flag', async () => {
    const { issues } = await readAll(fixture('unknown-flag.csv'));
    expect(issues).toEqual([
      expect.objectContaining({ line: 13, field: 'Order date is estimate', message: 'expected Yes, No or an empty cell, found "Maybe"' }),
    ]);
  });

  it('accepts only the three Status values SIPRI uses', async () => {
    const { issues } = await readAll(fixture('unknown-status.csv'));
    expect(issues).toEqual([
      expect.objectContaining({ line: 13, field: 'Status', message: 'expected one of "New", "Second hand", "Second hand but modernized", found "Used"' }),
    ]);
  });

  it('reports a preamble without its "Data generated" line at the header line', async () => {
    const csv = await openSipriCsv(fixture('missing-generated.csv'));
    await csv.close();
    expect(csv.issues.issues).toEqual([
      expect.objectContaining({ line: 11, field: 'Data generated', message: expect.stringContaining('no "Data generated: <date>" line') }),
    ]);
  });

  it('rejects binary input as not a text CSV file', async () => {
    const error = await failure(openSipriCsv(fixture('binary.bin')));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toMatch(/binary data: this is not a text CSV file/);
    expect(error.issues[0]?.line).toBe(1);
  });

  it('rejects input without any header row', async () => {
    const error = await failure(openSipriCsv(Readable.from([Buffer.from('just a note;\r\nanother note;\r\n')])));
    expect(error.issues[0]).toMatchObject({ file: '<stream>', line: 2, field: 'header' });
    expect(error.issues[0]?.message).toContain('the file ends after 2 preamble lines without the header row');
    expect(error.issues[0]?.message).toContain('expected "SIPRI AT Database ID,');
  });

  it('throws InvalidArgumentError for a file that cannot be read', async () => {
    await expect(openSipriCsv(fixture('no-such-file.csv'))).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('stops after the issue cap with everything found so far', async () => {
    const bad = Array.from({ length: 20 }, (_, i) => `${i + 1},Germany,Czechia,X,tank,Armoured vehicles,2022,Maybe,1,No,2022,No,New,1,1,1,No;`).join('\r\n');
    const error = await failure(readAll(Readable.from([Buffer.from(`${HEAD}\r\n${bad}`)]), 5));
    expect(error.issues).toHaveLength(6);
    expect(error.issues[5]?.message).toBe('stopped after 5 issues');
  });

  it('reads the real excerpt: release, header line, 141 typed rows with file line numbers', async () => {
    const csv = await openSipriCsv(fixture('excerpt.csv'));
    expect(csv.preamble).toMatchObject({ release: '12 Feb 2026', releaseDay: '2026-02-12', generated: '12 Feb 2026 12:26:12 PM' });
    expect(csv.preamble.lines).toContain('Source: SIPRI Arms Transfers Database (c) SIPRI.');
    expect(csv.headerLine).toBe(12);
    const rows: SipriRow[] = [];
    for await (const row of csv.rows()) rows.push(row);
    expect(csv.issues.size).toBe(0);
    expect(rows).toHaveLength(141);
    expect(csv.rowsRead).toBe(141);
    expect(rows[0]?.line).toBe(13);
    expect(rows.at(-1)?.line).toBe(153);
    const patriot = rows.find((r) => r.dealId === '66214' && r.deliveryYear === 2024);
    expect(patriot).toEqual({
      line: expect.any(Number), dealId: '66214', supplier: 'Germany', recipient: 'Ukraine', designation: 'Patriot-3 SAMS',
      description: 'SAM system', armamentCategory: 'Air-defence systems', orderYear: 2023, orderYearEstimated: false,
      unitsDelivered: 1, unitsEstimated: false, deliveryYear: 2024, deliveryYearEstimated: false, condition: 'SECOND_HAND',
      tivPerNewUnit: 55, tivPerUnit: 22, tivDelivered: 22, localProduction: false,
    });
    expect(rows.find((r) => r.dealId === '66362')?.tivPerUnit).toBe(0);
    expect(rows.some((r) => r.localProduction)).toBe(true);
    expect(rows.some((r) => r.condition === 'SECOND_HAND_MODERNIZED')).toBe(true);
  });

  it('reads LF line ends, quoted cells (also a quoted last cell before ";"), empty and 0 TIV', async () => {
    const { rows, issues } = await readAll(fixture('edge-cases.csv'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.designation)).toEqual(['IRIS-T SLM, launcher', 'IRIS-T SLM, launcher', 'T-72M1', 'MILAN', 'Patriot PAC-2']);
    expect(rows[1]).toMatchObject({ unitsDelivered: null, unitsEstimated: false, tivDelivered: null, deliveryYearEstimated: true, localProduction: false });
    expect(rows[3]).toMatchObject({ tivPerUnit: 0, tivDelivered: 0 });
    expect(rows[4]).toMatchObject({ line: 17, deliveryYear: null, unitsDelivered: null, tivPerNewUnit: null, orderYearEstimated: false });
  });

  it('reads the same rows when the stream arrives one byte at a time (";" and CRLF split across chunks)', async () => {
    const bytes = readFileSync(fixture('excerpt.csv'));
    const whole = await readAll(fixture('excerpt.csv'));
    const trickled = await readAll(Readable.from((function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    })()));
    expect(trickled.rows).toEqual(whole.rows);
  });

  it('handles a quoted last cell at the end of input without a line end', async () => {
    const { rows, issues } = await readAll(Readable.from([Buffer.from(`${HEAD}\r\n1,Germany,Czechia,X,tank,Armoured vehicles,2022,No,1,No,2022,No,New,1,1,1,"Yes";`)]));
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 13, localProduction: true });
  });
});
