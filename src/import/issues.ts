// Collects validation issues while an import streams, so one run reports every problem (up to a cap).
import { ValidationError, type ValidationIssue } from '../domain/errors.js';

/** Default number of issues after which an import stops reading. */
export const DEFAULT_MAX_ISSUES = 100;

/**
 * The issues of one input file. `add` throws a ValidationError holding everything found so far
 * once `max` issues are reached, because past that point more reading rarely tells the user more.
 */
export class IssueCollector {
  private readonly found: ValidationIssue[] = [];

  constructor(
    readonly file: string,
    readonly max: number = DEFAULT_MAX_ISSUES,
  ) {}

  /** Records an issue at a 1-based line (null when the problem has no single line). */
  add(line: number | null, field: string, message: string): void {
    this.found.push({ file: this.file, line, field, message });
    if (this.found.length >= this.max) {
      throw new ValidationError([
        ...this.found,
        { file: this.file, line: null, field: '', message: `stopped after ${this.max} issues` },
      ]);
    }
  }

  /** Every issue recorded so far, in the order found. */
  get issues(): readonly ValidationIssue[] {
    return this.found;
  }

  /** Number of issues recorded. */
  get size(): number {
    return this.found.length;
  }

  /** Throws a ValidationError with every issue when there is any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw new ValidationError(this.found);
  }
}
