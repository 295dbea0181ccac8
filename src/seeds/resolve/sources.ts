// Sources: a closed publication date (the known time of what they support) and a readable stored text.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Source } from '../../domain/model.js';
import { normalizeQuoteText } from '../../domain/text.js';
import { OPEN_END } from '../../domain/time.js';
import { decodeSeedText } from '../decode.js';
import type { ResolveContext } from './context.js';
import type { Located, RecordOf } from './located.js';

/** Largest stored source text accepted (the article is a few KB). */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

/** The resolved sources by id, and the stored texts (normalised for quote matching) by source id. */
export interface ResolvedSources {
  readonly sources: ReadonlyMap<string, Source>;
  readonly texts: ReadonlyMap<string, string>;
}

/** Checks the sources' dates and reads their stored texts (relative to `seedDir`). */
export async function resolveSources(list: readonly Located<RecordOf<'sources'>>[], seedDir: string, ctx: ResolveContext): Promise<ResolvedSources> {
  const { report } = ctx;
  const sources = new Map<string, Source>();
  const texts = new Map<string, string>();
  for (const at of list) {
    const s = at.value;
    const publishedAt = ctx.span(at, ['publishedAt'], s.publishedAt);
    if (s.text !== undefined) {
      const file = path.resolve(seedDir, s.text);
      try {
        const { size } = await stat(file);
        if (size > MAX_SOURCE_TEXT_BYTES) {
          report.add(at, ['text'], `source text file "${s.text}" is ${size} bytes; source texts are limited to ${MAX_SOURCE_TEXT_BYTES}`);
        } else {
          const decoded = decodeSeedText(await readFile(file));
          // Quotes are checked against this text: a mis-encoded file would fail every quote for the wrong reason.
          if ('problem' in decoded) report.add(at, ['text'], `source text file "${s.text}" line ${decoded.line}: ${decoded.problem}`);
          else texts.set(s.id, normalizeQuoteText(decoded.text));
        }
      } catch {
        report.add(at, ['text'], `cannot read source text file "${s.text}" (resolved to ${file})`);
      }
    }
    if (publishedAt) {
      if (publishedAt.earliest === '0001-01-01' || publishedAt.latest === OPEN_END) {
        report.add(at, ['publishedAt'], 'expected a closed date: the known time of facts is taken from it');
      }
      sources.set(s.id, {
        id: s.id, title: s.title, publisher: s.publisher, publishedAt,
        ...(s.url !== undefined && { url: s.url }),
        ...(s.text !== undefined && { textFile: s.text }),
        ...(s.note !== undefined && { note: s.note }),
      });
    }
  }
  return { sources, texts };
}

/**
 * The stored texts of resolved sources (normalised for quote matching) by source id, read again from `seedDir`:
 * what an analyst's claim quotes is checked against them. A text that cannot be read is left out (its source
 * then takes a quote or a note unchecked, as a source without text does), and named in `unreadable`.
 */
export async function readSourceTexts(sources: readonly Source[], seedDir: string): Promise<{ texts: Map<string, string>; unreadable: string[] }> {
  const texts = new Map<string, string>();
  const unreadable: string[] = [];
  for (const s of sources) {
    if (s.textFile === undefined) continue;
    try {
      const decoded = decodeSeedText(await readFile(path.resolve(seedDir, s.textFile)));
      if ('problem' in decoded) unreadable.push(s.id);
      else texts.set(s.id, normalizeQuoteText(decoded.text));
    } catch {
      unreadable.push(s.id);
    }
  }
  return { texts, unreadable };
}
