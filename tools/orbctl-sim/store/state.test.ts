import { describe, expect, it } from 'vitest';
import { emptyState, makeTransition, resolveTransitions, type StoredMachine } from './state';

function machine(id: string, extra: Partial<StoredMachine> = {}): StoredMachine {
  return {
    id,
    name: id,
    image: { distro: 'ubuntu', version: 'noble', arch: 'arm64', variant: 'default' },
    config: { isolated: false, default_username: 'me' },
    state: 'stopped',
    disk_size: 1,
    ip4: '',
    ip6: '',
    created_at: 0,
    ...extra,
  };
}

describe('transitions resolved lazily by the next reader', () => {
  it('shows each step until it is due, then the final state', () => {
    const state = emptyState();
    const t = makeTransition(
      'delete',
      1000,
      [
        ['stopping', 100],
        ['deleting', 100],
      ],
      'stopped',
    );
    state.machines.push(machine('a', { state: 'stopping', transition: t }));
    resolveTransitions(state, 1050);
    expect(state.machines[0]?.state).toBe('stopping');
    resolveTransitions(state, 1150);
    expect(state.machines[0]?.state).toBe('deleting');
    resolveTransitions(state, 1200);
    expect(state.machines[0]?.state).toBe('stopped');
    expect(state.machines[0]?.transition).toBeUndefined();
  });

  it('removes a machine whose transition ends in deleted, and clears it as default', () => {
    const state = emptyState();
    state.machines.push(
      machine('a', { transition: makeTransition('delete', 0, [['deleting', 10]], 'deleted') }),
    );
    state.machines.push(machine('b'));
    state.default_id = 'a';
    expect(resolveTransitions(state, 5)).toEqual([]);
    expect(resolveTransitions(state, 10)).toEqual(['a']);
    expect(state.machines.map((m) => m.id)).toEqual(['b']);
    expect(state.default_id).toBeNull();
  });

  it('resolves OrbStack starting up too', () => {
    const state = emptyState();
    state.vm = { state: 'starting', transition: makeTransition('start', 0, [['starting', 10]], 'running') };
    resolveTransitions(state, 9);
    expect(state.vm.state).toBe('starting');
    resolveTransitions(state, 10);
    expect(state.vm).toEqual({ state: 'running' });
  });
});
