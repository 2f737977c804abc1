import { describe, expect, it } from 'vitest';
import { buildAppMenu } from './app-menu';
import { COMMANDS, KEY_TABLE, type CommandName } from './commands';
import { BULK_ACTIONS } from './machine-actions';
import { MACHINE_MENU } from './machine-menu';

const names = Object.keys(COMMANDS) as CommandName[];

describe('the command table', () => {
  it('gives no two commands the same key', () => {
    const chords = KEY_TABLE.map(({ chord }) => `${chord.alt}-${chord.shift}-${chord.key}`);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('says "machines" exactly for the commands that act on every selected machine', () => {
    const several = names.filter((n) => COMMANDS[n].scope === 'machines');
    expect([...several].sort()).toEqual([...BULK_ACTIONS].sort());
  });

  it('is where the app menu and the machine menus take their words and keys from', () => {
    const items = buildAppMenu().flatMap((m) => m.submenu ?? []);
    for (const item of items.filter((i) => i.command)) {
      const spec: { label: string; keys?: string } = COMMANDS[item.command!.command as CommandName];
      expect([item.label, item.accelerator]).toEqual([spec.label, spec.keys]);
    }
    for (const entry of MACHINE_MENU.flat()) expect(entry.label).toBe(COMMANDS[entry.action].label);
  });
});
