// The quote check as the analyst types: debounced quoteCheck requests, only the latest answer shown.
import { gql } from '../api/client.js';
import { QUOTE_CHECK_QUERY } from '../api/queries.js';
import { quoteVerdict, type QuoteVerdict } from './claim-input.js';

/** Milliseconds of quiet typing before the quote is checked. */
export const QUOTE_CHECK_DEBOUNCE_MS = 300;

/** Checks a quote against a source's stored text, telling `onVerdict` what to show. */
export class QuoteChecker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(private readonly onVerdict: (verdict: QuoteVerdict) => void) {}

  /**
   * Checks `quote` against `source` (undefined: a new source, which has no text) after a pause in typing.
   * `knownTextless`: the source is known to have no stored text, which needs no request.
   */
  check(source: string | undefined, quote: string, knownTextless = false): void {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const text = quote.trim();
    if (source === undefined) return this.onVerdict('new-source');
    if (knownTextless) return this.onVerdict('no-text');
    if (source === '' || text === '') return this.onVerdict('empty');
    this.onVerdict('checking');
    this.timer = setTimeout(() => {
      gql(QUOTE_CHECK_QUERY, { source, quote: text }).then(
        ({ quoteCheck }) => {
          if (seq === this.seq) this.onVerdict(quoteVerdict(quoteCheck));
        },
        () => {
          if (seq === this.seq) this.onVerdict('error');
        },
      );
    }, QUOTE_CHECK_DEBOUNCE_MS);
  }
}
