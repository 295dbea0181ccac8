// How facts are grounded: citations (source known, quote found verbatim in its stored text) and inferred fields.
import type { Citation, Source } from '../../domain/model.js';
import { normalizeQuoteText } from '../../domain/text.js';
import { OPEN_END } from '../../domain/time.js';
import type { GroundedContext, ResolveContext } from './context.js';
import type { Located } from './located.js';

/**
 * The citation checker over the resolved sources and their stored texts (normalised for quote matching).
 * A citation of an unknown source is reported as a reference and has nothing else checked.
 */
export function citationChecker(ctx: ResolveContext, sources: ReadonlyMap<string, Source>, texts: ReadonlyMap<string, string>): GroundedContext['cite'] {
  const { report, refs } = ctx;
  return (at, sub, input) => {
    const citations: Citation[] = [];
    let knownSince = OPEN_END;
    (input ?? []).forEach((c, i) => {
      const where = [...sub, i];
      if (!refs.has('sources', c.source)) {
        refs.check(at, [...where, 'source'], c.source, 'sources');
        return;
      }
      const text = texts.get(c.source);
      if (text !== undefined) {
        if (c.quote === undefined) {
          report.add(at, [...where, 'quote'], `required: source "${c.source}" has stored text, so the citation must quote it`);
        } else if (!text.includes(normalizeQuoteText(c.quote))) {
          report.add(at, [...where, 'quote'], `quote not found verbatim in the text of source "${c.source}": "${c.quote.slice(0, 80)}${c.quote.length > 80 ? '…' : ''}"`);
        }
      } else if (c.quote === undefined && c.note === undefined) {
        report.add(at, where, `expected a quote or a note saying what source "${c.source}" supports`);
      }
      const published = sources.get(c.source)?.publishedAt.earliest;
      if (published !== undefined && published < knownSince) knownSince = published;
      citations.push({
        source: c.source,
        ...(c.quote !== undefined && { quote: c.quote }),
        ...(c.note !== undefined && { note: c.note }),
        ...(c.locator !== undefined && { locator: c.locator }),
      });
    });
    return { citations, knownSince };
  };
}

/** Reports each field listed in the record's `inferred` that is not one of `allowed` (the fields a source can imply). */
export function checkInferred(ctx: ResolveContext, at: Located<{ inferred?: readonly string[] | undefined }>, allowed: readonly string[]): void {
  at.value.inferred?.forEach((f, i) => {
    if (!allowed.includes(f)) ctx.report.add(at, ['inferred', i], `expected one of ${allowed.join(', ')}`);
  });
}
