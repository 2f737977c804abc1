import { lazy, Suspense, type ComponentType } from 'react';
import { registerImportInput } from './commands/window-commands';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Toasts } from './components/Toasts';
import { importFiles } from './commands/file-import';
import { useFileDrop } from './hooks/use-file-drop';
import { useShortcuts } from './hooks/use-shortcuts';
import { useUi } from './state/ui';
import { ActivityPopover } from './views/activity/ActivityPopover';
import { ContextMenuHost } from './views/ContextMenuHost';
import { Sidebar } from './views/shell/Sidebar';
import { TitleBar } from './views/shell/TitleBar';
import { shellOf } from './model/shell';
import { useConnection } from './state/connection';
import { MachinesView } from './views/MachinesView';

// The dialogs are loaded when one is first opened, not before the list can paint.
const AppDialogs = lazyNamed(() => import('./views/dialogs/AppDialogs'), 'AppDialogs');
const TrustDialogs = lazyNamed(() => import('./views/dialogs/CheckpointDialogs'), 'TrustDialogs');
const InsideDialogs = lazyNamed(() => import('./views/dialogs/RunDialogs'), 'InsideDialogs');
const SandboxDialogs = lazyNamed(() => import('./views/dialogs/SandboxDialogs'), 'SandboxDialogs');

/** `lazy` for a module's named component. */
function lazyNamed<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export function App() {
  const dialog = useUi((s) => s.dialog);
  const activityOpen = useUi((s) => s.activityOpen);
  const sidebarCollapsed = useUi((s) => s.sidebarCollapsed);
  const shell = shellOf(useConnection((s) => s.info));
  const drop = useFileDrop();
  useShortcuts();
  return (
    <div className="app" data-shell={shell} data-sidebar={sidebarCollapsed ? 'collapsed' : 'shown'}>
      <TitleBar />
      {!sidebarCollapsed && <Sidebar />}
      <div className="content">
        <ConnectionBanner />
        <main>
          <MachinesView />
        </main>
        <Toasts />
      </div>
      {activityOpen && <ActivityPopover />}
      <ContextMenuHost />
      {dialog && (
        <Suspense fallback={null}>
          <TrustDialogs />
          <InsideDialogs />
          <SandboxDialogs />
          <AppDialogs />
        </Suspense>
      )}
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {drop.target
            ? `Drop to copy into ${drop.target}, or to import an export`
            : 'Drop an OrbStack export to import it'}
        </div>
      )}
      {/* The browser's file picker for Import… where there is no native dialog; an export's checksum and
          manifest may be chosen with it. */}
      <input
        ref={registerImportInput}
        type="file"
        multiple
        hidden
        aria-label="Choose export files to import"
        accept=".zst,.tar.zst,application/zstd,.sha256,.json"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void importFiles(files);
        }}
      />
    </div>
  );
}
