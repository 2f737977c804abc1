import { useEffect, useRef } from 'react';
import { StateBadge } from '../../components/StateBadge';
import { exportTotal, selectAllState } from '../../model/export-choices';
import { formatBytes } from '../../model/format';
import { useMachines } from '../../state/machines';

/**
 * The machines of an export of several, as a compact table: name, state and disk size, each ticked when
 * `onToggle` is given (Export for a New Mac…), with Select All and what the chosen ones take in all.
 */
export function ExportChoices({
  names,
  chosen,
  onToggle,
  onToggleAll,
}: {
  names: readonly string[];
  chosen: readonly string[];
  onToggle?: (name: string, on: boolean) => void;
  onToggleAll?: (on: boolean) => void;
}) {
  const known = useMachines((s) => s.snapshot?.machines);
  const machines = names.map(
    (name) => known?.find((m) => m.name === name) ?? { name, state: 'unknown', diskSize: null },
  );
  const all = selectAllState(names, chosen);
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = all === 'mixed';
  }, [all]);
  return (
    <div className="choice-table-box">
      <table className="choice-table" aria-label="Machines to export">
        <thead>
          <tr>
            {onToggle && (
              <th scope="col" className="choice-check">
                <input
                  ref={allBox}
                  type="checkbox"
                  aria-label="Select All"
                  checked={all === true}
                  onChange={(e) => onToggleAll?.(e.target.checked)}
                />
              </th>
            )}
            <th scope="col">Machine</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Disk
            </th>
          </tr>
        </thead>
        <tbody>
          {machines.map((m) => (
            <tr key={m.name}>
              {onToggle && (
                <td className="choice-check">
                  <input
                    type="checkbox"
                    aria-label={m.name}
                    checked={chosen.includes(m.name)}
                    onChange={(e) => onToggle(m.name, e.target.checked)}
                  />
                </td>
              )}
              <td>{m.name}</td>
              <td>
                <StateBadge state={m.state} />
              </td>
              <td className="num">{typeof m.diskSize === 'number' ? formatBytes(m.diskSize) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="choice-total" role="status">
        {exportTotal(machines, chosen)}
      </p>
    </div>
  );
}
