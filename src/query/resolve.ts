// Id-or-alias resolution errors, worded the same whichever store answers.
import { NotFoundError } from '../domain/errors.js';
import { didYouMean, formatSuggestions } from '../domain/text.js';

/** The error for an unknown actor or system reference, with did-you-mean suggestions. */
export function unknownReference(what: 'actor' | 'system', ref: string, candidates: Iterable<string>, hint = ''): NotFoundError {
  const suggestions = didYouMean(ref, candidates);
  return new NotFoundError(`unknown ${what} "${ref}"${formatSuggestions(suggestions)}${hint}`, suggestions, { ref, what });
}
