// Collects resolver issues as `file:line: field: message`, each pointed at a path inside a located record.
import type { ValidationIssue } from '../../domain/errors.js';
import { fieldName, lineOf } from '../locate.js';
import type { Located, Path } from './located.js';

/** Collects the issues of one resolution, in the order they are found. */
export class Reporter {
  private readonly found: ValidationIssue[] = [];

  /** Reports `message` at `sub`, a path inside the record `at`. */
  add(at: Located<unknown>, sub: Path, message: string): void {
    const full = [...at.path, ...sub];
    this.found.push({
      file: at.file.file,
      line: lineOf(at.file.doc, at.file.lineCounter, full),
      field: fieldName(full),
      message,
    });
  }

  /** The issues found, each reported once (two checks can reach the same fault), in the order first found. */
  issues(): ValidationIssue[] {
    const seen = new Set<string>();
    return this.found.filter((i) => {
      const key = `${i.file}|${i.line}|${i.field}|${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
