import type { DeepLink } from '../../shared/deep-link';
import type { ImportPreview } from '../../shared/ipc/contract';
import type { FolderPreview } from '../../shared/ipc/types';
import type { Preset } from '../../shared/presets';

/**
 * Every sheet the window can show, by kind, with what it is opened on. The UI store holds at most one;
 * renderer/views/dialogs/DialogHost.tsx maps every kind to its component (a kind without one does not compile).
 */
export type OpenDialog =
  // Machines.
  | { kind: 'create' }
  | { kind: 'rename'; machine: string }
  | { kind: 'delete'; machine: string }
  | { kind: 'delete-many'; machines: string[] }
  | { kind: 'clone'; machine: string }
  | { kind: 'set-limits'; machine: string }
  | { kind: 'setup-log'; machine: string }
  | { kind: 'settings' }
  // Exports and imports.
  | { kind: 'export'; machine: string }
  /** Several machines into one folder with an index; `offered` lists the machines one may add (for a new Mac). */
  | { kind: 'export-many'; machines: string[]; offered?: string[] }
  /** `folder`: the items came from a folder of exports (its index, and what is missing). */
  | { kind: 'import'; items: ImportPreview[]; folder?: Omit<FolderPreview, 'items'> }
  /** A browser's way to name a folder of exports (a native dialog does it in Electron). */
  | { kind: 'import-folder' }
  | { kind: 'verify-export' }
  // Checkpoints.
  | { kind: 'checkpoint-save'; machine: string }
  | { kind: 'checkpoint-revert'; machine: string; checkpoint?: string }
  | { kind: 'checkpoint-clone'; machine: string; checkpoint?: string }
  | { kind: 'checkpoint-delete'; machine: string; checkpoint: string }
  // Commands and files in machines.
  | { kind: 'run'; machine: string }
  | { kind: 'run-many'; machines: string[] }
  | { kind: 'pull'; machine: string }
  | { kind: 'push-file'; machine: string }
  /** Files dropped on a row, to copy into that machine. */
  | { kind: 'push'; machine: string; files: File[] }
  // Presets, sandboxes and orbdeck:// links.
  | { kind: 'presets' }
  | { kind: 'preset-edit'; preset: Preset }
  | { kind: 'new-sandbox'; preset?: string }
  | { kind: 'deep-link'; url: string; link: DeepLink };

export type DialogKind = OpenDialog['kind'];

/** The dialog of one kind, with what it is opened on. */
export type DialogOf<K extends DialogKind> = Extract<OpenDialog, { kind: K }>;

/** What the UI store holds: the open sheet, or none. */
export type DialogState = OpenDialog | null;
