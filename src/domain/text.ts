// Name normalisation and did-you-mean suggestions, shared by alias resolution, search and validation.
import { distance } from 'fastest-levenshtein';

/**
 * Normalises a name or alias for matching: case-, accent- and punctuation-insensitive,
 * keeping letters and digits of every script ("U.S." → "us", "Кинджал" → "кинджал").
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Collapses runs of whitespace and unifies typographic quotes, for verbatim quote checks. */
export function normalizeQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Returns up to `max` candidates closest to `input` (by edit distance on normalised text),
 * best first; candidates further than about a third of the input's length are dropped.
 */
export function didYouMean(input: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = normalizeName(input);
  const scored: Array<{ candidate: string; score: number }> = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const norm = normalizeName(candidate);
    if (norm === '') continue;
    let score = distance(wanted, norm);
    if (wanted.length >= 3 && (norm.startsWith(wanted) || wanted.startsWith(norm))) score = Math.min(score, 1);
    const budget = Math.max(1, Math.ceil(wanted.length / 3));
    if (score <= budget) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** Formats suggestions as a sentence fragment: ` (did you mean "A" or "B"?)`, or '' when none. */
export function formatSuggestions(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const last = quoted.pop();
  return ` (did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?)`;
}
