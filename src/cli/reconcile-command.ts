// CLI command for issue [14]: reconcile a recipient's commitments (Kiel), deliveries (SIPRI) and claims (articles).
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { parseWindow } from '../domain/time.js';
import { ask, type Reconciliation, type ReconcileRow } from '../query/index.js';
import { namer, parseList, print, printJson, withFlagTerms, withStore, type GlobalOptions } from './options.js';

const cited = (row: ReconcileRow) => [...row.commitments, ...row.deliveries, ...row.claims]
  .flatMap((f) => f.citations.map((c) => `${f.source} ${c.locator ?? c.source}${c.quote !== undefined ? ` "${c.quote}"` : ''}`));

/** One flat row per reconciliation row, for CSV. */
export function reconcileCsv(answer: Reconciliation, nameOf: (id: string) => string): string {
  return stringify(answer.rows.map((r) => ({
    donor: r.donor, donorName: nameOf(r.donor), group: r.group, label: r.label, unit: r.unit, status: r.status,
    committed: r.committed ?? '', delivered: r.delivered ?? '', difference: r.difference ?? '', agreement: r.agreement,
    deliveredByYear: r.deliveredByYear.map((y) => `${y.year}:${y.units ?? '?'}${y.estimated ? '~' : ''}`).join(' '),
    claims: r.claims.map((c) => c.text).join(' | '), sources: r.sources.join(' '), counting: r.counting ?? '', note: r.note ?? '',
    citations: cited(r).join(' | '),
  })), {
    header: true,
    columns: ['donor', 'donorName', 'group', 'label', 'unit', 'status', 'committed', 'delivered', 'difference', 'agreement', 'deliveredByYear', 'claims', 'sources', 'counting', 'note', 'citations'],
  });
}

/** The rows as text: a line per row, then its figures with their citations. */
export function formatReconcile(answer: Reconciliation, nameOf: (id: string) => string): string[] {
  const from = answer.deliveriesFrom === null ? '' : `, SIPRI deliveries from ${answer.deliveriesFrom} (the tracker's first commitment; --between to choose)`;
  const out = [`${nameOf(answer.recipient)}: committed (Kiel) vs delivered (SIPRI) vs claimed (articles), by ${answer.by.toLowerCase()}, sources ${answer.sources.join(', ')}${from} — ${answer.rows.length} rows`];
  for (const r of answer.rows) {
    out.push('');
    out.push(`${nameOf(r.donor)} · ${r.label} · ${r.unit}: ${r.status}  committed ${r.committed ?? '—'}  delivered ${r.delivered ?? '—'}${r.difference !== null ? `  difference ${r.difference}` : ''}  [${r.sources.join(', ')}; ${r.agreement}]`);
    for (const f of r.commitments) out.push(`  committed  ${f.text}  — ${f.citations.map((c) => c.locator ?? c.source).join(', ')}`);
    if (r.deliveredByYear.length > 0) out.push(`  delivered  ${r.deliveredByYear.map((y) => `${y.year}: ${y.units ?? '?'}${y.estimated ? ' (est.)' : ''}`).join(', ')}`);
    for (const f of r.deliveries) out.push(`    ${f.text}  — ${f.citations.map((c) => c.locator ?? c.source).join(', ')}`);
    for (const c of r.claims) {
      out.push(`  claimed    ${c.role === 'BACKFILL' ? '(backfill) ' : ''}${c.text}`);
      for (const q of c.citations) out.push(`    "${q.quote ?? q.note ?? ''}" — ${q.source}`);
    }
    if (r.counting !== null) out.push(`  counting   ${r.counting}`);
    if (r.note !== null) out.push(`  note       ${r.note}`);
  }
  return out;
}

/** Registers `reconcile`. */
export function registerReconcileCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('reconcile <recipient>')
    .description('committed (Kiel), delivered (SIPRI) and claimed (articles) units per donor and family or category, each cited')
    .option('--by <by>', 'family | category', 'family')
    .option('--donors <list>', 'comma-separated donors (ids or aliases)', parseList)
    .option('--between <edtf>', 'only what may fall in this window, e.g. 2022/2024')
    .option('--sources <list>', 'comma-separated sources among seed, sipri, kiel (default all)', parseList)
    .option('--csv', 'print the rows as CSV', false)
    .action((recipient: string, o: { by: string; donors?: string[]; between?: string; sources?: string[]; csv: boolean }) =>
      withStore(globals(), async (store) => {
        const answer = await withFlagTerms((m) => m.replace(/^by\b/, '--by').replace(/^donors(\[\d+\])?/, '--donors').replace(/^between(\.from|\.to)?/, '--between').replace(/^sources(\[\d+\])?/, '--sources'), () =>
          ask(store).reconcile(recipient, {
            by: o.by, ...(o.donors !== undefined && { donors: o.donors }), ...(o.sources !== undefined && { sources: o.sources }),
            ...(o.between !== undefined && { between: parseWindow(o.between, '--between') }),
          }));
        if (globals().json) return printJson(answer);
        const nameOf = await namer(store, [answer.recipient, ...answer.rows.map((r) => r.donor)]);
        if (o.csv) return void process.stdout.write(reconcileCsv(answer, nameOf));
        print(formatReconcile(answer, nameOf));
      }));
}
