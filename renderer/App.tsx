import { ConnectionBanner } from './components/ConnectionBanner';
import { Toasts } from './components/Toasts';
import { getApi } from './api/api';
import { useConnection } from './stores/connection';
import { MachinesView } from './views/MachinesView';

export function App() {
  const info = useConnection((s) => s.info);
  return (
    <div className="app">
      <header className="toolbar">
        <h1>OrbDeck</h1>
        {info?.demo && (
          <span className="demo-badge" title="The built-in simulator stands in for orbctl">
            Demo
          </span>
        )}
        <div className="toolbar-spacer" />
        <button
          type="button"
          onClick={() =>
            void getApi()
              .invoke('machines:refresh', {})
              .catch(() => {})
          }
        >
          Refresh
        </button>
      </header>
      <ConnectionBanner />
      <main>
        <MachinesView />
      </main>
      <Toasts />
    </div>
  );
}
