// The visible status line: what is loading, what was found, or the server's error with its code.
import { GraphQLRequestError } from '../api/client.js';

/** Writes to the status element (role=status, so screen readers hear it). */
export class StatusLine {
  constructor(private readonly el: HTMLElement) {}

  /** Something is under way. */
  busy(text: string): void {
    this.set('busy', text);
  }

  /** A result. */
  info(text: string): void {
    this.set('ok', text);
  }

  /** An error: a GraphQL error shows its message and extensions.code. */
  error(error: unknown): void {
    if (error instanceof GraphQLRequestError) this.set('error', `${error.message} (${error.code})`, error.code);
    else this.set('error', error instanceof Error ? error.message : String(error));
  }

  private set(state: 'busy' | 'ok' | 'error', text: string, code?: string): void {
    this.el.textContent = text;
    this.el.dataset.state = state;
    if (code !== undefined) this.el.dataset.code = code;
    else delete this.el.dataset.code;
  }
}
