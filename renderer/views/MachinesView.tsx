import { ErrorDetails } from '../components/ErrorDetails';
import { selectMachines, useMachines } from '../stores/machines';
import { MachineTable } from './MachineTable';

/** The main screen: the machine list, or a state that says what to do. */
export function MachinesView() {
  const snapshot = useMachines((s) => s.snapshot);
  const fetchError = useMachines((s) => s.fetchError);
  const machines = useMachines(selectMachines);

  if (!snapshot) {
    return fetchError ? (
      <section className="empty-state" role="alert">
        <h2>Could not load machines</h2>
        <ErrorDetails error={fetchError} />
      </section>
    ) : (
      <section className="empty-state" aria-busy="true">
        <p>Loading machines…</p>
      </section>
    );
  }
  return (
    <section className="machines" aria-label="Machines">
      {snapshot.lastError && (
        <div className="banner banner-error" role="alert">
          <strong>Could not refresh the machine list.</strong>
          <ErrorDetails error={snapshot.lastError} />
        </div>
      )}
      {machines.length === 0 && !snapshot.lastError ? (
        <div className="empty-state">
          <h2>No machines yet</h2>
          <p>Create a Linux machine, or import one from an export file.</p>
        </div>
      ) : (
        <MachineTable machines={machines} />
      )}
    </section>
  );
}
