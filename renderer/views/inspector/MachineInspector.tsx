import { Ellipsis, Play, RotateCcw, Square, X } from 'lucide-react';
import { forwardRef, lazy, Suspense, useEffect } from 'react';
import type { Machine } from '../../../shared/machine';
import { activeJobsFor, availability } from '../../../shared/machine-actions';
import { PRIMARY_ACTIONS } from '../../../shared/machine-menu';
import { runMachineAction, runMenuChoice } from '../../commands/machine-commands';
import { MenuButton } from '../../components/MenuButton';
import { SetupBanner } from '../setup/SetupBanner';
import { useSetupByName } from '../../state/setup';
import { StateBadge } from '../../components/StateBadge';
import { machineMenuItems, type MenuChoice } from '../../model/machine-menu-items';
import { shortcutLabel } from '../../model/shortcuts';
import { useJobs } from '../../state/jobs';
import { useUi, type InspectorTab } from '../../state/ui';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';
import { LogsView } from '../LogsView';
import { CheckpointsSection } from '../checkpoints/CheckpointsSection';
import { ReachSection } from './ReachSection';
import { extrasOf } from '../../commands/context-menu';
import { SandboxSection } from '../sandboxes/SandboxSection';
import { useSandboxByName } from '../../state/sandboxes';
import { usePolicyByName } from '../../state/start-policy';
import { StartPolicySection } from '../sandboxes/StartPolicySection';
import { FailureBanner } from './FailureBanner';
import { MachineInfoView } from './MachineInfoView';
import { watchInspector } from '../../commands/usage-watch';

// What runs inside the machine, with its graphs: loaded when the tab is first opened.
const UsageTab = lazy(() => import('../usage/UsageTab').then((m) => ({ default: m.UsageTab })));
const PortsTab = lazy(() => import('../usage/PortsTab').then((m) => ({ default: m.PortsTab })));

const POWER = [
  { action: 'start', label: 'Start', icon: <Play size={13} aria-hidden /> },
  { action: 'stop', label: 'Stop', icon: <Square size={12} aria-hidden /> },
  { action: 'restart', label: 'Restart', icon: <RotateCcw size={13} aria-hidden /> },
] as const;

const TABS: Array<[InspectorTab, string]> = [
  ['info', 'Info'],
  ['usage', 'Usage'],
  ['ports', 'Ports'],
  ['checkpoints', 'Checkpoints'],
  ['logs', 'Logs'],
];
const PRIMARY = new Set(PRIMARY_ACTIONS);

/**
 * The inspector for one machine: the power actions up front, everything else in the "…" menu (built from the
 * same rules as the context menu), a failed action's mark with what to do next, and Info and Logs as tabs.
 */
export const MachineInspector = forwardRef<HTMLElement, { machine: Machine; onClose?: () => void }>(
  function MachineInspector({ machine, onClose }, ref) {
    const jobs = useJobs((s) => s.jobs);
    const capabilities = useOrbctl(selectCapabilities);
    const tab = useUi((s) => s.inspectorTab);
    const setTab = useUi((s) => s.setInspectorTab);
    const settingUp = useSetupByName().get(machine.name)?.state === 'setting-up';
    const active = activeJobsFor(Object.values(jobs), machine.name);
    // The "…" menu's sandbox and start-policy items follow these.
    useSandboxByName();
    usePolicyByName();
    const more = machineMenuItems(
      [{ machine, active }],
      capabilities,
      PRIMARY,
      extrasOf([{ machine, active }]),
    );
    // Only the tab on screen is read from inside the machine.
    useEffect(() => {
      watchInspector(machine.name, tab === 'usage' || tab === 'ports' ? tab : null);
    }, [machine.name, tab]);
    useEffect(() => () => watchInspector(null, null), []);
    return (
      <aside className="inspector" aria-label={`Details of ${machine.name}`} ref={ref} tabIndex={-1}>
        <header className="inspector-header">
          <h2 title={machine.name}>{machine.name}</h2>
          {machine.isDefault && <span className="default-marker">default</span>}
          <StateBadge state={machine.state} settingUp={settingUp} />
          {onClose && (
            <button type="button" className="icon-button" aria-label="Close Inspector" onClick={onClose}>
              <X size={14} aria-hidden />
            </button>
          )}
        </header>
        <div className="inspector-actions" role="toolbar" aria-label={`Actions for ${machine.name}`}>
          {POWER.map(({ action, label, icon }) => {
            const can = availability(action, machine, active, capabilities);
            const key = shortcutLabel(action);
            return (
              <button
                key={action}
                type="button"
                disabled={!can.enabled}
                title={key ? `${can.reason} (${key})` : can.reason}
                onClick={() => void runMachineAction(action, machine.name)}
              >
                {icon}
                {label}
              </button>
            );
          })}
          <MenuButton
            label="More Actions"
            title="More actions"
            className="icon-button more"
            menuLabel={`More actions for ${machine.name}`}
            items={more}
            onChoose={(id) => runMenuChoice(id as MenuChoice, [machine.name])}
          >
            <Ellipsis size={16} aria-hidden />
          </MenuButton>
        </div>
        <FailureBanner machine={machine.name} onShowLogs={() => setTab('logs')} />
        <SetupBanner machine={machine.name} />
        <SandboxSection machine={machine} />
        <div className="tabs" role="tablist" aria-label="Inspector">
          {TABS.map(([t, label]) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`inspector-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`inspector-panel-${t}`}
              className={tab === t ? 'tab current' : 'tab'}
              onClick={() => setTab(t)}
            >
              {label}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={`inspector-panel-${tab}`}
          aria-labelledby={`inspector-tab-${tab}`}
          className="inspector-panel"
        >
          {tab === 'info' && (
            <>
              <MachineInfoView machine={machine} />
              <ReachSection machine={machine} />
              <StartPolicySection machine={machine} />
            </>
          )}
          {(tab === 'usage' || tab === 'ports') && (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {tab === 'usage' ? (
                <UsageTab key={machine.name} machine={machine} />
              ) : (
                <PortsTab key={machine.name} machine={machine} />
              )}
            </Suspense>
          )}
          {tab === 'checkpoints' && <CheckpointsSection machine={machine} />}
          {tab === 'logs' && <LogsView key={machine.name} name={machine.name} />}
        </div>
      </aside>
    );
  },
);
