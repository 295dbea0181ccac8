// Entry point of the dashboard bundle: starts the app in the view the URL names and reports a failed start in the status line.
import { App } from './App.js';
import { ViewSwitch } from './ViewSwitch.js';

try {
  new ViewSwitch(new App()).start();
} catch (error) {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `The dashboard failed to start: ${error instanceof Error ? error.message : String(error)}`;
    status.dataset.state = 'error';
  }
  throw error;
}
