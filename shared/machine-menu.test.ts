import { describe, expect, expectTypeOf, it } from 'vitest';
import { MACHINE_ACTIONS, type MachineAction } from './machine-actions';
import { MACHINE_MENU, PRIMARY_ACTIONS } from './machine-menu';

// A new action is reachable only if it is in the menu every window shows: these fail until it is listed.
describe('MACHINE_MENU', () => {
  it('lists every action on one machine exactly once', () => {
    const listed = MACHINE_MENU.flat().map((e) => e.action);
    expect([...listed].sort()).toEqual([...MACHINE_ACTIONS].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('MACHINE_ACTIONS names every MachineAction', () => {
    expectTypeOf<Exclude<MachineAction, (typeof MACHINE_ACTIONS)[number]>>().toEqualTypeOf<never>();
  });

  it('puts the inspector’s buttons in the menu’s first group, and marks only Delete as dangerous', () => {
    expect(MACHINE_MENU[0]!.map((e) => e.action)).toEqual(PRIMARY_ACTIONS);
    expect(
      MACHINE_MENU.flat()
        .filter((e) => e.danger)
        .map((e) => e.action),
    ).toEqual(['delete']);
  });
});
