import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronUp } from 'lucide-react';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { isFinished, type Job } from '../../../shared/jobs';
import { activeJobsFor } from '../../../shared/machine-actions';
import type { Machine } from '../../../shared/machine';
import { openContextMenu } from '../../commands/context-menu';
import { runMachineAction } from '../../commands/machine-commands';
import { filterMachines, heldRows, moveSelection, sortMachines } from '../../model/machine-list';
import { failureMarks, placeholders } from '../../model/row-marks';
import type { SetupRecord } from '../../../shared/ipc/types';
import { isMac } from '../../model/shortcuts';
import { reportVisibleMachines, viewportFirst } from '../../commands/visible-rows';
import { useJobs } from '../../state/jobs';
import { useMachines } from '../../state/machines';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';
import { useUi } from '../../state/ui';
import { useListColumns } from '../../state/list-columns';
import { useUsage } from '../../state/usage';
import { watchRows } from '../../commands/usage-watch';
import { ColumnsMenu } from './ColumnsMenu';
import { COLUMNS, ROW_HEIGHT, rowId, USAGE_COLUMNS } from './columns';
import { GridRow } from './GridRow';
import { PlaceholderRow } from './PlaceholderRow';

const NO_JOBS: Job[] = [];
const BY_NAME = { key: 'name', direction: 'asc' } as const;
const MOVES: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
  PageDown: 20,
  PageUp: -20,
};

/**
 * The machine list: a virtualized grid (only the rows on screen are in the page, so a thousand machines cost
 * what thirty do), with sticky sortable headers and one Tab stop. Arrows move the selection (⇧ extends it),
 * ⌘/Ctrl-click and ⇧-click select several, ⌘A selects all, Return opens the inspector, the context-menu key or
 * a right-click opens the selection's menu.
 */
const NO_SETUP: ReadonlyMap<string, SetupRecord> = new Map();
const NO_SANDBOXES: ReadonlyMap<string, unknown> = new Map();

export function MachineGrid({
  machines,
  checkpoints,
  setup = NO_SETUP,
  sandboxes = NO_SANDBOXES,
  onOpenDetails,
}: {
  machines: Machine[];
  /** Each machine's checkpoints (hidden from the list; the row says how many). */
  checkpoints?: ReadonlyMap<string, readonly unknown[]>;
  /** The machines cloud-init is setting up, or failed to. */
  setup?: ReadonlyMap<string, SetupRecord>;
  /** The sandboxes, by name (marked in their rows; the sidebar's Sandboxes shows only them). */
  sandboxes?: ReadonlyMap<string, unknown>;
  onOpenDetails(): void;
}) {
  const jobs = useJobs((s) => s.jobs);
  const capabilities = useOrbctl(selectCapabilities);
  const selection = useMachines((s) => s.selection);
  const { filter: typed, stateFilter, sort: chosenSort, sortBy, dismissedFailures, held } = useUi();
  const showUsage = useListColumns((s) => s.usage);
  const figures = useUsage((s) => s.rows);
  const [headerMenu, setHeaderMenu] = useState<{ x: number; y: number } | null>(null);
  const columns = showUsage ? [...COLUMNS, ...USAGE_COLUMNS] : COLUMNS;
  // A hidden column does not sort the list.
  const sort = !showUsage && (chosenSort.key === 'cpu' || chosenSort.key === 'memory') ? BY_NAME : chosenSort;
  // The search field shows each keystroke at once; the list follows when React has time.
  const filter = useDeferredValue(typed);
  const scroller = useRef<HTMLDivElement>(null);

  // The usage figures change every few seconds: they reorder the list only while it is sorted by them.
  const sortFigures = sort.key === 'cpu' || sort.key === 'memory' ? figures : undefined;
  const shown = useMemo(
    () => sortMachines(filterMachines(machines, filter, stateFilter, sandboxes, held), sort, sortFigures),
    [machines, filter, stateFilter, sandboxes, held, sort, sortFigures],
  );
  const names = useMemo(() => shown.map((m) => m.name), [shown]);
  const jobList = useMemo(() => Object.values(jobs), [jobs]);
  // Rows acted on stay in their view until their jobs end; the selection holds only rows the list shows.
  useEffect(() => {
    const acting = new Set(
      jobList.filter((j) => !isFinished(j)).flatMap((j) => [j.machine, ...(j.touches ?? [])]),
    );
    const next = heldRows(names, acting);
    const ui = useUi.getState();
    if (next.size !== ui.held.size || [...next].some((n) => !ui.held.has(n))) ui.setHeld(next);
  }, [names, jobList]);
  useEffect(() => {
    useMachines.getState().keepShown(names);
  }, [names]);
  const pending = useMemo(() => {
    const known = new Set(machines.map((m) => m.name));
    return filter || stateFilter !== 'all' ? [] : placeholders(jobList, (n) => known.has(n));
  }, [jobList, machines, filter, stateFilter]);
  const failures = useMemo(() => failureMarks(jobList, dismissedFailures), [jobList, dismissedFailures]);
  const activeByName = useMemo(() => {
    const map = new Map<string, Job[]>();
    for (const job of jobList) {
      if (job.state !== 'queued' && job.state !== 'running') continue;
      for (const name of [job.machine, ...(job.touches ?? [])]) map.set(name, NO_JOBS);
    }
    for (const name of map.keys()) map.set(name, activeJobsFor(jobList, name));
    return map;
  }, [jobList]);
  const selectedSet = useMemo(() => new Set(selection.names), [selection.names]);

  const count = pending.length + shown.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer hands out fresh functions each render; this component is left unmemoised on purpose.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the first measurement (and in tests without layout), assume a window-sized list.
    initialRect: { width: 1000, height: 800 },
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: ROW_HEIGHT,
    getItemKey: (i) => (i < pending.length ? `+${pending[i]!.name}` : shown[i - pending.length]!.id),
  });

  const reveal = useCallback(
    (name: string) => {
      const index = names.indexOf(name);
      if (index < 0) return;
      // A row already in full view stays put: scrolling to it anyway forces a layout of the whole list
      // (about 100 ms a click with 1,000 machines, measured with the CPU profiler).
      const item = virtualizer.getVirtualItems().find((v) => v.index === index + pending.length);
      const el = scroller.current;
      if (item && el && item.start >= el.scrollTop + ROW_HEIGHT && item.end <= el.scrollTop + el.clientHeight)
        return;
      virtualizer.scrollToIndex(index + pending.length, { align: 'auto' });
    },
    [names, pending.length, virtualizer],
  );
  // Keep the focused row on screen when it changes from outside (a new machine selected after create).
  useEffect(() => {
    if (selection.focus) reveal(selection.focus);
  }, [selection.focus]); // eslint-disable-line react-hooks/exhaustive-deps

  const onRowClick = useCallback(
    (name: string, event: MouseEvent) => {
      const toggle = isMac() ? event.metaKey : event.ctrlKey;
      useMachines.getState().click(name, { toggle, range: event.shiftKey }, names);
      scroller.current?.focus({ preventScroll: true });
    },
    [names],
  );
  const onRowContextMenu = useCallback((name: string, event: MouseEvent) => {
    event.preventDefault();
    const state = useMachines.getState();
    // A right-click on a selected row acts on the whole selection; on another row, on that row alone.
    if (!state.selection.names.includes(name)) state.select(name);
    scroller.current?.focus({ preventScroll: true });
    void openContextMenu(useMachines.getState().selection.names, event.clientX, event.clientY);
  }, []);
  const onOpen = useCallback(
    (name: string) => {
      useMachines.getState().select(name);
      onOpenDetails();
    },
    [onOpenDetails],
  );
  const onPower = useCallback(
    (action: 'start' | 'stop', name: string) => void runMachineAction(action, name),
    [],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    // The list's own keys; a column header's button keeps Return and Space to sort.
    if (event.target !== event.currentTarget) return;
    const state = useMachines.getState();
    const delta = MOVES[event.key];
    const mod = isMac() ? event.metaKey : event.ctrlKey;
    if (delta !== undefined && !mod) {
      event.preventDefault();
      const next = moveSelection(names, state.selection.focus, delta);
      if (!next) return;
      if (event.shiftKey) state.click(next, { range: true }, names);
      else state.select(next);
      reveal(next);
    } else if (mod && event.key.toLowerCase() === 'a' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      state.selectAll(names);
    } else if (event.key === 'Enter' && state.selection.focus) {
      event.preventDefault();
      onOpenDetails();
    } else if (
      (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) &&
      state.selection.names.length
    ) {
      event.preventDefault();
      const row = document.getElementById(rowId(state.selection.focus ?? state.selection.names[0]!));
      const box = (row ?? scroller.current!).getBoundingClientRect();
      void openContextMenu(state.selection.names, box.left + 24, box.top + ROW_HEIGHT);
    } else if (event.key === 'Escape' && state.selection.names.length > 1) {
      state.select(state.selection.focus);
    }
  };

  // The core asks orbctl about the rows on screen first (disk sizes, addresses), those in view before the rest.
  const items = virtualizer.getVirtualItems();
  const onScreen = viewportFirst(
    items,
    virtualizer.scrollOffset ?? 0,
    virtualizer.scrollRect?.height ?? Infinity,
  )
    .filter((i) => i.index >= pending.length)
    .map((i) => shown[i.index - pending.length]?.name)
    .filter((n): n is string => !!n)
    .join('\n');
  useEffect(() => {
    if (onScreen) reportVisibleMachines(onScreen.split('\n'));
  }, [onScreen]);
  // With the CPU and memory columns on, the rows on screen are read from inside every ten seconds.
  useEffect(() => {
    watchRows(showUsage && onScreen ? onScreen.split('\n') : []);
  }, [showUsage, onScreen]);
  useEffect(() => () => watchRows([]), []);

  // The app menu's Edit › Select All (Electron's selectAll role) selects every machine while the list has focus.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onSelectStart = (event: Event) => {
      if (document.activeElement !== el) return;
      event.preventDefault();
      useMachines.getState().selectAll(names);
    };
    document.addEventListener('selectstart', onSelectStart);
    return () => document.removeEventListener('selectstart', onSelectStart);
  }, [names]);

  if (count === 0) {
    return (
      <p className="no-match" role="status">
        {filter ? `No machine matches “${filter}”` : 'No machine here'}
        {stateFilter === 'all'
          ? ''
          : stateFilter === 'sandboxes'
            ? ' among the sandboxes'
            : ` among ${stateFilter === 'busy' ? 'changing' : stateFilter} machines`}
        .
      </p>
    );
  }
  const focusName = selection.focus && names.includes(selection.focus) ? selection.focus : null;
  return (
    <div
      ref={scroller}
      className={showUsage ? 'machine-grid with-usage' : 'machine-grid'}
      role="grid"
      aria-label="Machines"
      aria-rowcount={count + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={focusName ? rowId(focusName) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Tabbing in with nothing selected lands on the first machine.
        if (e.target === e.currentTarget && !useMachines.getState().selection.focus && names[0]) {
          useMachines.getState().select(names[0]);
        }
      }}
    >
      <div
        className="grid-header"
        role="row"
        aria-rowindex={1}
        onContextMenu={(e) => {
          e.preventDefault();
          setHeaderMenu({ x: e.clientX, y: e.clientY });
        }}
      >
        {columns.map((c) => (
          <div
            key={c.id}
            role="columnheader"
            className={c.className}
            aria-sort={sort.key === c.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            {/* The whole cell sorts, and Tab reaches it (Finder's list headers); aria-sort says how. */}
            <button
              type="button"
              className="sort-button"
              title={`Sort by ${c.label}`}
              onClick={() => sortBy(c.id)}
            >
              {c.label}
              {sort.key === c.id &&
                (sort.direction === 'asc' ? (
                  <ChevronUp size={12} aria-hidden />
                ) : (
                  <ChevronDown size={12} aria-hidden />
                ))}
            </button>
          </div>
        ))}
        <div role="columnheader" className="col-power">
          <span className="visually-hidden">Power</span>
        </div>
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }} role="presentation">
        {items.map((item) => {
          const top = item.start - ROW_HEIGHT;
          if (item.index < pending.length) {
            return <PlaceholderRow key={item.key} row={pending[item.index]!} index={item.index} top={top} />;
          }
          const m = shown[item.index - pending.length]!;
          return (
            <GridRow
              key={item.key}
              machine={m}
              index={item.index}
              active={activeByName.get(m.name) ?? NO_JOBS}
              failed={failures.get(m.name)}
              checkpoints={checkpoints?.get(m.name)?.length ?? 0}
              setup={setup.get(m.name)}
              sandbox={sandboxes.has(m.name)}
              capabilities={capabilities}
              usage={figures[m.name]}
              showUsage={showUsage}
              selected={selectedSet.has(m.name)}
              focused={m.name === focusName}
              top={top}
              onRowClick={onRowClick}
              onRowContextMenu={onRowContextMenu}
              onOpen={onOpen}
              onPower={onPower}
            />
          );
        })}
      </div>
      {headerMenu && <ColumnsMenu at={headerMenu} onClose={() => setHeaderMenu(null)} />}
    </div>
  );
}
