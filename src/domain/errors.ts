// The project's error kinds: one base class with a stable `code`, mapped to API codes at the edges.

/** Stable machine-readable error codes shared by the CLI, the stores and the GraphQL edge. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL';

/** Base class of every error armsgraph throws on purpose. */
export class ArmsgraphError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A caller passed a value that cannot be used (bad id format, bad date, out-of-range number). */
export class InvalidArgumentError extends ArmsgraphError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVALID_ARGUMENT', message, details);
  }
}

/** A referenced entity does not exist; `suggestions` holds did-you-mean candidates. */
export class NotFoundError extends ArmsgraphError {
  readonly suggestions: readonly string[];

  constructor(message: string, suggestions: readonly string[] = [], details: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, { ...details, suggestions });
    this.suggestions = suggestions;
  }
}

/** The request contradicts the state of the data (duplicate ids, constraint violations). */
export class ConflictError extends ArmsgraphError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('CONFLICT', message, details, options);
  }
}

/** A backing service (Neo4j) cannot be reached in the time allowed. */
export class UnavailableError extends ArmsgraphError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('UNAVAILABLE', message, details, options);
  }
}

/** The caller is not known: no token where one is needed, or a token that is unknown, malformed or expired. */
export class UnauthenticatedError extends ArmsgraphError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', message, details);
  }
}

/** The caller is known but its role may not do this (a reader writing, an editor reading the audit log). */
export class ForbiddenError extends ArmsgraphError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

/** One problem found while validating input data, located as precisely as the input allows. */
export interface ValidationIssue {
  readonly file: string;
  readonly line: number | null;
  readonly field: string;
  readonly message: string;
}

/** Formats an issue as `file:line: field: message`, the way compilers do. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Input data failed validation; carries every issue found, not just the first. */
export class ValidationError extends ArmsgraphError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const head = `${issues.length} validation error${issues.length === 1 ? '' : 's'}`;
    super('VALIDATION_FAILED', `${head}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`, { issues });
    this.issues = issues;
  }
}
