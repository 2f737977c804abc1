import { appAvailability, type AppAction, type Availability } from '../../shared/machine-actions';
import { useMachines, type MachinesState } from './machines';
import { selectCapabilities, useOrbctl } from './orbctl';

const listError = (s: MachinesState) => s.snapshot?.lastError ?? null;

/** New Machine or Import… now, by the shared rule, from what the window knows (for a command run from a key). */
export function appAvailabilityNow(action: AppAction): Availability {
  return appAvailability(action, selectCapabilities(useOrbctl.getState()), listError(useMachines.getState()));
}

/** The same, kept current (the toolbar's buttons). */
export function useAppAvailability(action: AppAction): Availability {
  const capabilities = useOrbctl(selectCapabilities);
  const error = useMachines(listError);
  return appAvailability(action, capabilities, error);
}
