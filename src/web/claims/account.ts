// The header's account control: "Sign in as editor" (a token pasted into a dialog), who is signed in and with what
// role, "Add a claim…" for editors (a reason instead for readers), and "Sign out".
import { byId, h, replaceChildren } from '../dom.js';
import { canWrite, refusalText, type AuthSession } from './auth-session.js';

/** What the control asks the page to do. */
export interface AccountHandlers {
  /** Opens the claim form. */
  onAddClaim(): void;
}

/** Renders into #account; its sign-in dialog is appended to the page. */
export class Account {
  private readonly el = byId('account');
  private readonly dialog: HTMLDialogElement;
  private readonly token = h('input', {
    id: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-help sign-in-error', placeholder: 'ag_…',
  });
  private readonly error = h('p', { id: 'sign-in-error', class: 'form-error', role: 'alert' });
  /** Why the last token was refused, shown beside "Sign in" until the next sign-in. */
  private refusal = '';

  constructor(private readonly session: AuthSession, private readonly handlers: AccountHandlers) {
    const form = h(
      'form',
      { id: 'sign-in-form', novalidate: true },
      h('h2', { id: 'sign-in-title' }, 'Sign in as editor'),
      h('label', { for: 'token' }, 'API token'),
      this.token,
      h('p', { id: 'token-help', class: 'help' }, 'An editor’s token (npx armsgraph token new --role editor). Kept in this tab only (sessionStorage), never in the URL; every request sends it.'),
      this.error,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' }, 'Sign in'), h('button', { type: 'button', onclick: () => this.dialog.close() }, 'Cancel')),
    );
    this.dialog = h('dialog', { id: 'sign-in-dialog', class: 'sign-in-dialog', 'aria-labelledby': 'sign-in-title' }, form);
    document.body.append(this.dialog);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.signIn();
    });
    session.onChange(() => this.render());
  }

  /** Shows that a kept token was refused when the page opened. */
  refused(text: string): void {
    this.refusal = text;
    this.render();
  }

  /** Draws the control for the session as it is. */
  render(): void {
    const who = this.session.principal;
    this.el.dataset.role = who?.role ?? 'anonymous';
    if (who === undefined) {
      replaceChildren(
        this.el,
        h('button', { type: 'button', id: 'sign-in', class: 'small', onclick: () => this.open() }, 'Sign in as editor'),
        this.refusal ? h('span', { class: 'form-error', id: 'account-refusal' }, this.refusal) : null,
      );
      return;
    }
    const role = who.role.toLowerCase();
    replaceChildren(
      this.el,
      h('span', { id: 'who', class: 'who' }, `Signed in as ${who.name ?? 'anonymous'} (${role})`),
      canWrite(who)
        ? h('button', { type: 'button', id: 'add-claim', class: 'small primary', onclick: () => this.handlers.onAddClaim() }, 'Add a claim…')
        : h('span', { class: 'hint', id: 'no-write' }, `A ${role} may not write claims: sign in with an editor’s token.`),
      h('button', { type: 'button', id: 'sign-out', class: 'small', onclick: () => this.session.signOut() }, 'Sign out'),
    );
  }

  private open(): void {
    this.error.textContent = '';
    this.token.value = '';
    this.dialog.showModal();
    this.token.focus();
  }

  private async signIn(): Promise<void> {
    if (this.token.value.trim() === '') {
      this.error.textContent = 'Paste a token first.';
      this.token.focus();
      return;
    }
    try {
      await this.session.signIn(this.token.value);
      this.token.value = '';
      this.refusal = '';
      this.dialog.close();
      this.render();
      byId('who').focus?.();
    } catch (error) {
      this.error.textContent = refusalText(error);
      this.token.focus();
    }
  }
}
