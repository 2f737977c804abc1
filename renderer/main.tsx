import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { InsideDialogs } from './views/inside/InsideDialogs';
import { getApi, MissingTokenError } from './api/api';
import { syncStores } from './stores/sync';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

try {
  syncStores(getApi());
  root.render(
    <StrictMode>
      <App />
      {/* Issue 15: run and copy dialogs (see InsideDialogs for the DialogState members). */}
      <InsideDialogs />
    </StrictMode>,
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
