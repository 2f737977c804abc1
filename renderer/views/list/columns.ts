import type { SortKey } from '../../model/machine-list';

export interface Column {
  id: SortKey;
  label: string;
  className: string;
}

/** The list's columns, every one sortable; widths live in styles.css (.machine-grid's grid template). */
export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', className: 'col-name' },
  { id: 'state', label: 'State', className: 'col-state' },
  { id: 'distro', label: 'Distro', className: 'col-distro' },
  { id: 'arch', label: 'Arch', className: 'col-arch' },
  { id: 'ip', label: 'IP Address', className: 'col-ip' },
  { id: 'disk', label: 'Disk', className: 'col-disk num' },
];

/** CPU and memory from inside each machine: optional (read only while shown), before the power button. */
export const USAGE_COLUMNS: readonly Column[] = [
  { id: 'cpu', label: 'CPU', className: 'col-cpu num' },
  { id: 'memory', label: 'Memory', className: 'col-memory num' },
];

/** Rows are this tall (px): compact like Finder's list view, the size the virtualizer lays out. */
export const ROW_HEIGHT = 26;

/**
 * Where a row of the virtualized list sits, from its offset (a number, so a memoized row whose place did not
 * change is not drawn again while the list scrolls).
 */
export const rowPlace = (top: number) => ({ transform: `translateY(${top}px)`, height: ROW_HEIGHT });

/** A DOM id for a machine's row (aria-activedescendant points at it). */
export const rowId = (name: string) =>
  `machine-row-${name.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`)}`;
