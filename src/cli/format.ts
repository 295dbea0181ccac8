// Human-readable rendering of query results for the terminal (the CLI's default output).
import type { Citation, Transfer } from '../domain/model.js';
import { OPEN_END, OPEN_START, type TimeSpan } from '../domain/time.js';
import type { CheckReason, Path, TimelineEntry, TransferCheck } from '../query/index.js';

/** Looks up display names by id. */
export type NameOf = (id: string) => string;

/** A span as written plus the days it covers: `2024-01/.. (2024-01-01 – open)`. */
export function formatSpan(span: TimeSpan): string {
  const from = span.earliest === OPEN_START ? 'open' : span.earliest;
  const to = span.latest === OPEN_END ? 'open' : span.latest;
  const days = from === to ? from : `${from} – ${to}`;
  const flags = [span.approximate && 'approximate', span.uncertain && 'uncertain'].filter(Boolean).join(', ');
  return `${span.edtf} [${span.precision.toLowerCase()}: ${days}${flags ? `; ${flags}` : ''}]`;
}

function formatCitation(c: Citation, indent: string): string {
  const body = c.quote !== undefined ? `“${c.quote}”` : `(note) ${c.note ?? ''}`;
  return `${indent}${body} — ${c.source}`;
}

function formatTransfer(t: Transfer, name: NameOf): string {
  const qty = t.quantity ? ` ×${t.quantity.exact ?? t.quantity.text ?? [t.quantity.min, t.quantity.max].join('–')}` : '';
  return `${name(t.supplier)} → ${name(t.recipient)}  ${name(t.system)}${qty}  ${t.status} ${t.kind}  ${formatSpan(t.date)}`;
}

/** Formats one check reason with its citations. */
export function formatReason(r: CheckReason, indent = '    ', inPath = true): string[] {
  const scope = !inPath ? '' : r.hop === null ? 'direct route: ' : `hop ${r.hop + 1}: `;
  const lines = [`${indent}${r.effect.padEnd(16)} ${scope}${r.message} [${r.restriction}]`];
  for (const c of r.citations) lines.push(formatCitation(c, `${indent}  `));
  return lines;
}

/** Formats a list of paths with hops, dates, statuses and the rules that bear on each. */
export function formatPaths(paths: readonly Path[], name: NameOf): string[] {
  const lines: string[] = [];
  paths.forEach((p, i) => {
    const route = [p.hops[0]!.from, ...p.hops.map((h) => h.to)].map(name).join(' → ');
    lines.push(`${i + 1}. ${route}  (${p.length} hop${p.length === 1 ? '' : 's'})`);
    p.hops.forEach((h, j) => {
      const via = j === 0 ? '' : h.via === 'BACKFILL' ? '  (linked by backfill)' : '';
      lines.push(`   hop ${j + 1}  ${formatTransfer(h.transfer, name)}${via}`);
      lines.push(`          ${h.transfer.id}`);
      for (const c of h.transfer.citations) lines.push(formatCitation(c, '          '));
    });
    if (p.checks.length === 0) lines.push('   rules: none bear on this path');
    else {
      lines.push('   rules:');
      for (const r of p.checks) lines.push(...formatReason(r, '     '));
    }
    lines.push('');
  });
  return lines;
}

/** Formats a check verdict with its reasons. */
export function formatCheck(check: TransferCheck, header: string, name: NameOf): string[] {
  const lines = [`${header} on ${check.on}: ${check.verdict}`];
  if (check.reasons.length === 0) lines.push('  no restriction in force bears on this transfer');
  for (const r of check.reasons) lines.push(...formatReason(r, '  ', false));
  return lines;
}

/** Formats timeline entries as one line each. */
export function formatTimeline(entries: readonly TimelineEntry[]): string[] {
  return entries.map((e) => `${e.date.edtf.padEnd(22)} ${e.kind.padEnd(14)} ${e.title}  [${e.id}; reported ${e.knownSince}]`);
}
