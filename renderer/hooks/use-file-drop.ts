import { useEffect, useState } from 'react';
import { useUi } from '../state/ui';
import { dropOnMachine, importDroppedFolders, importFiles } from '../commands/file-import';
import { dropHint } from '../model/drop-hint';

/**
 * Files dragged over the window: onto a machine's row they are offered to that machine (or imported, if they
 * are exports); anywhere else, exports are imported. Returns what the drop would do, for the overlay; the row
 * under the pointer is marked (`data-drop-target`, its words) so that it lights up and says what a drop does.
 * The mark is set on the row's element directly: a drag must not re-render a list of a thousand rows.
 */
export function useFileDrop(): { dragging: boolean; target: string | null } {
  const [state, setState] = useState<{ dragging: boolean; target: string | null }>({
    dragging: false,
    target: null,
  });
  useEffect(() => {
    let depth = 0;
    let marked: HTMLElement | null = null;
    const mark = (row: HTMLElement | null) => {
      if (row === marked) return;
      marked?.removeAttribute('data-drop-target');
      marked = row;
      if (row?.dataset.machine) row.setAttribute('data-drop-target', dropHint(row.dataset.machine));
    };
    const rowAt = (e: DragEvent) =>
      (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-machine]') ?? null;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const machineAt = (e: DragEvent) =>
      (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-machine]')?.dataset.machine ?? null;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setState({ dragging: true, target: machineAt(e) });
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      const target = machineAt(e);
      mark(rowAt(e));
      setState((s) => (s.target === target && s.dragging ? s : { dragging: true, target }));
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        mark(null);
        setState({ dragging: false, target: null });
      }
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      mark(null);
      setState({ dragging: false, target: null });
      if (useUi.getState().dialog) return;
      const all = [...(e.dataTransfer?.files ?? [])];
      if (all.length === 0) return;
      // A dropped folder is a folder of exports to import (Export for a New Mac…).
      const items = [...(e.dataTransfer?.items ?? [])];
      const isFolder = (i: number) => items[i]?.webkitGetAsEntry?.()?.isDirectory === true;
      const folders = all.filter((_, i) => isFolder(i));
      const files = all.filter((_, i) => !isFolder(i));
      if (folders.length > 0) void importDroppedFolders(folders);
      if (files.length === 0) return;
      const machine = machineAt(e);
      void (machine ? dropOnMachine(files, machine) : importFiles(files));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return state;
}
