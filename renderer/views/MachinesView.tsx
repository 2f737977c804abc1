import { useCallback, useRef } from 'react';
import { ErrorDetails } from '../components/ErrorDetails';
import { NARROW, useMedia } from '../hooks/use-media';
import { selectMachines, useMachines } from '../state/machines';
import { useUi } from '../state/ui';
import { useCheckpointGroups } from '../state/checkpoints';
import { useSetupByName } from '../state/setup';
import { useSandboxByName } from '../state/sandboxes';
import { usePolicyByName } from '../state/start-policy';
import { SandboxesHeader } from './sandboxes/SandboxesHeader';
import { HistoryPage } from './activity/HistoryPage';
import { FirstListFailed, NoMachines, OrbctlNotFound, OrbStackNotRunning } from './EmptyStates';
import { MachineInspector } from './inspector/MachineInspector';
import { SelectionInspector } from './inspector/SelectionInspector';
import { MachineGrid } from './list/MachineGrid';

/**
 * The main area: the machine list with its inspector (beside it in a wide window, sliding over it in a narrow
 * one), the History page, or a screen that says what to do when there is nothing to list.
 */
export function MachinesView() {
  const snapshot = useMachines((s) => s.snapshot);
  const fetchError = useMachines((s) => s.fetchError);
  const all = useMachines(selectMachines);
  // Checkpoints are machines to OrbStack; here they sit under their machine (its row says how many).
  const groups = useCheckpointGroups();
  const setup = useSetupByName();
  const sandboxes = useSandboxByName();
  // The context menu's start-policy items read these.
  usePolicyByName();
  const stateFilter = useUi((s) => s.stateFilter);
  const sandboxCount = groups.machines.filter((m) => sandboxes.has(m.name)).length;
  const machines = groups.machines;
  const selection = useMachines((s) => s.selection);
  const view = useUi((s) => s.view);
  const inspectorOpen = useUi((s) => s.inspectorOpen);
  const narrow = useMedia(NARROW);
  const inspector = useRef<HTMLElement>(null);
  const openDetails = useCallback(() => {
    useUi.getState().setInspectorOpen(true);
    requestAnimationFrame(() => inspector.current?.focus());
  }, []);

  if (view === 'activity') return <HistoryPage />;
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
  // The very first list failed: there is nothing to show but the error.
  if (error && snapshot.updatedAt === null) return <FirstListFailed error={error} />;

  const focused = machines.find((m) => m.name === selection.focus);
  const many = selection.names.length > 1;
  const showInspector = !narrow || inspectorOpen;
  const close = narrow ? () => useUi.getState().setInspectorOpen(false) : undefined;
  return (
    <div className={narrow ? 'split narrow' : 'split'}>
      <section className="machines" aria-label="Machine list">
        {error && (
          <div className="banner banner-error" role="alert">
            <strong>Could not refresh the machine list; showing what was last seen.</strong>
            <ErrorDetails error={error} />
          </div>
        )}
        {stateFilter === 'sandboxes' && <SandboxesHeader count={sandboxCount} />}
        {stateFilter === 'sandboxes' && sandboxCount === 0 ? null : all.length === 0 && !error ? (
          <NoMachines />
        ) : (
          <MachineGrid
            machines={machines}
            checkpoints={groups.byMachine}
            setup={setup}
            sandboxes={sandboxes}
            onOpenDetails={openDetails}
          />
        )}
      </section>
      {showInspector &&
        (many ? (
          <SelectionInspector names={selection.names} />
        ) : focused ? (
          <MachineInspector machine={focused} ref={inspector} onClose={close} />
        ) : (
          machines.length > 0 && (
            <aside className="inspector inspector-empty" aria-label="Details">
              <p>Select a machine to see its details.</p>
            </aside>
          )
        ))}
    </div>
  );
}
