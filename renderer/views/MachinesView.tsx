import { useCallback, useRef } from 'react';
import { ErrorDetails } from '../components/ErrorDetails';
import { selectMachines, useMachines } from '../stores/machines';
import { DetailsPane } from './DetailsPane';
import { NoMachines, OrbctlNotFound, OrbStackNotRunning } from './EmptyStates';
import { MachineList } from './MachineList';

/** The main screen: the machine list and the selected machine's details, or a state that says what to do. */
export function MachinesView() {
  const snapshot = useMachines((s) => s.snapshot);
  const fetchError = useMachines((s) => s.fetchError);
  const machines = useMachines(selectMachines);
  const selected = useMachines((s) => s.selected);
  const details = useRef<HTMLElement>(null);
  const openDetails = useCallback(() => details.current?.focus(), []);

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
  const error = snapshot.lastError;
  // Without orbctl or OrbStack the last list seen is only a memory: say what to do instead.
  if (error?.code === 'NOT_INSTALLED') return <OrbctlNotFound error={error} />;
  if (error?.code === 'ORBSTACK_NOT_RUNNING') return <OrbStackNotRunning error={error} />;
  const selectedMachine = machines.find((m) => m.name === selected);
  return (
    <div className="split">
      <section className="machines" aria-label="Machine list">
        {error && (
          <div className="banner banner-error" role="alert">
            <strong>Could not refresh the machine list; showing what was last seen.</strong>
            <ErrorDetails error={error} />
          </div>
        )}
        {machines.length === 0 && !error ? (
          <NoMachines />
        ) : (
          <MachineList machines={machines} onOpenDetails={openDetails} />
        )}
      </section>
      {selectedMachine ? (
        <DetailsPane machine={selectedMachine} ref={details} />
      ) : (
        machines.length > 0 && (
          <aside className="details details-empty" aria-label="Details">
            <p>Select a machine to see its details.</p>
          </aside>
        )
      )}
    </div>
  );
}
