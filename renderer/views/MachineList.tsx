import { activeJobsFor } from '../../shared/machine-actions';
import { useCallback, useDeferredValue, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import { filterMachines, moveSelection, sortMachines, type SortKey } from '../lib/machine-list';
import { runMachineAction } from '../actions/machine-commands';
import { useJobs } from '../stores/jobs';
import { useMachines } from '../stores/machines';
import { selectCapabilities, useOrbctl } from '../stores/orbctl';
import { useUi } from '../stores/ui';
import { MachineRow } from './MachineRow';

const COLUMNS: Array<{ label: string; sort?: SortKey; className?: string }> = [
  { label: 'Name', sort: 'name' },
  { label: 'State', sort: 'state' },
  { label: 'Distro', sort: 'distro' },
  { label: 'Arch' },
  { label: 'IP address' },
  { label: 'Disk', className: 'num' },
];

const NO_JOBS: Job[] = [];

/** The machine table: sortable, filtered, keyboard-driven (arrows move, Enter opens the details). */
export function MachineList({ machines, onOpenDetails }: { machines: Machine[]; onOpenDetails(): void }) {
  const jobs = useJobs((s) => s.jobs);
  const capabilities = useOrbctl(selectCapabilities);
  const selected = useMachines((s) => s.selected);
  const select = useMachines((s) => s.select);
  const { filter: typed, stateFilter, sort, sortBy } = useUi();
  // The field shows each keystroke at once; the list (hundreds of rows) follows when React has time.
  const filter = useDeferredValue(typed);
  const body = useRef<HTMLTableSectionElement>(null);

  const shown = useMemo(
    () => sortMachines(filterMachines(machines, filter, stateFilter), sort),
    [machines, filter, stateFilter, sort],
  );
  const activeByName = useMemo(() => {
    const map = new Map<string, Job[]>();
    for (const m of shown) {
      const active = activeJobsFor(Object.values(jobs), m.name);
      if (active.length) map.set(m.name, active);
    }
    return map;
  }, [jobs, shown]);

  // Only the latest move may focus a row: a row selects itself when focused, so an older pending focus (two
  // keys pressed within one frame) would otherwise win over the newer selection.
  const pendingFocus = useRef(0);
  const focusRow = (name: string | null) => {
    if (!name) return;
    select(name);
    cancelAnimationFrame(pendingFocus.current);
    pendingFocus.current = requestAnimationFrame(() =>
      body.current?.querySelector<HTMLElement>(`tr[data-machine="${CSS.escape(name)}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLButtonElement) return;
    const names = shown.map((m) => m.name);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: -Infinity,
      End: Infinity,
      PageDown: 10,
      PageUp: -10,
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      // The focused row is where the user is, even if the store has not caught up with a fast key press.
      const current = (event.target as HTMLElement).closest('tr')?.dataset.machine ?? selected;
      focusRow(moveSelection(names, current, delta));
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      onOpenDetails();
    }
  };

  const onSelect = useCallback((name: string) => select(name), [select]);
  const onOpen = useCallback(
    (name: string) => {
      select(name);
      onOpenDetails();
    },
    [select, onOpenDetails],
  );
  const onAction = useCallback(
    (action: 'start' | 'stop', name: string) => void runMachineAction(action, name),
    [],
  );

  if (shown.length === 0) {
    return (
      <p className="no-match" role="status">
        No machine matches “{filter}”{stateFilter === 'all' ? '' : ` among ${stateFilter} machines`}.
      </p>
    );
  }
  return (
    <table className="machine-table" aria-label="Machines" aria-rowcount={shown.length + 1}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              scope="col"
              className={c.className}
              aria-sort={
                c.sort && sort.key === c.sort
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => sortBy(c.sort!)}>
                  {c.label}
                  <span aria-hidden="true">
                    {sort.key === c.sort ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Power</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {shown.map((m, i) => (
          <MachineRow
            key={m.id}
            machine={m}
            active={activeByName.get(m.name) ?? NO_JOBS}
            capabilities={capabilities}
            selected={m.name === selected}
            // Keep one row reachable with Tab even before anything is selected.
            tabbable={m.name === selected || (selected === null && i === 0)}
            onSelect={onSelect}
            onOpen={onOpen}
            onAction={onAction}
          />
        ))}
      </tbody>
    </table>
  );
}
