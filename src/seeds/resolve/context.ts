// What the per-collection checkers share: the reporter, the reference checker, dates, citations and names.
import { InvalidArgumentError } from '../../domain/errors.js';
import type { Citation, CitationInput } from '../../domain/model.js';
import { parseTimeSpan, type TimeSpan } from '../../domain/time.js';
import type { Located, Path } from './located.js';
import type { References } from './references.js';
import type { Reporter } from './Reporter.js';

/** The shared state of one resolution, handed to the checker of each collection. */
export interface ResolveContext {
  readonly report: Reporter;
  readonly refs: References;
  /** Parses the EDTF date `text` read at `sub` of `at`; reports it and returns undefined when it does not parse. */
  span(at: Located<unknown>, sub: Path, text: string): TimeSpan | undefined;
}

/** A context once sources are resolved: citations can be checked against them, names claimed. */
export interface GroundedContext extends ResolveContext {
  /** Checks the citations at `sub` of `at` and returns them with the known time they give the fact. */
  cite(at: Located<unknown>, sub: Path, input: readonly CitationInput[] | undefined): { citations: Citation[]; knownSince: string };
  /** Claims a record's name and aliases within its collection, reporting empty and ambiguous ones. */
  claimNames(at: Located<{ id: string; name: string; aliases: readonly string[] }>, collection: 'actors' | 'systems'): void;
}

/** A context over `report` and `refs`. */
export function resolveContext(report: Reporter, refs: References): ResolveContext {
  return {
    report,
    refs,
    span(at, sub, text) {
      try {
        return parseTimeSpan(text);
      } catch (error) {
        report.add(at, sub, error instanceof InvalidArgumentError ? error.message : String(error));
        return undefined;
      }
    },
  };
}
