// Entry point of the dashboard bundle: takes up the editor's token kept in this tab (if any), starts the app in the
// view the URL names with the claims wired in, and reports a failed start in the status line.
import { App } from './App.js';
import { AuthSession } from './claims/auth-session.js';
import { startClaims } from './claims/claims-ui.js';
import { ViewSwitch } from './ViewSwitch.js';

try {
  const session = new AuthSession();
  // The token first: the view's first requests already send it.
  const refusal = await session.restore();
  const app = new App();
  startClaims(app, session, refusal);
  new ViewSwitch(app).start();
} catch (error) {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `The dashboard failed to start: ${error instanceof Error ? error.message : String(error)}`;
    status.dataset.state = 'error';
  }
  throw error;
}
