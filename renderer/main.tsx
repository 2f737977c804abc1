import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi, MissingTokenError } from './api/api';
import { firstSnapshot } from './state/machines';
import { syncStores } from './state/sync';
import './styles.css';
import './styles/shell.css';
import './styles/list.css';
import './styles/inspector.css';
import './styles/activity.css';
import './styles/sandboxes.css';

const FIRST_RENDER_WAIT_MS = 400;

const root = createRoot(document.getElementById('root')!);

try {
  syncStores(getApi());
  // Longer than the list takes to come from a running host; short enough that a host still waiting for
  // orbctl shows its window (saying so) at once.
  void firstSnapshot(FIRST_RENDER_WAIT_MS).then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
} catch (error) {
  const message = error instanceof MissingTokenError ? error.message : String(error);
  root.render(
    <main className="empty-state" role="alert">
      <h1>OrbDeck cannot connect</h1>
      <p>{message}</p>
      <p>Open the address that `npm run serve` (or `npm start`) printed in the terminal.</p>
    </main>,
  );
}
