import { describe, expect, it } from 'vitest';
import { commandFor, shortcutLabel, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandFor', () => {
  it('uses ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(commandFor(key('n', { metaKey: true }), true, false)).toBe('create');
    expect(commandFor(key('n', { ctrlKey: true }), true, false)).toBeNull();
    expect(commandFor(key('n', { ctrlKey: true }), false, false)).toBe('create');
  });

  it('tells Shift combinations apart', () => {
    expect(commandFor(key('S', { ctrlKey: true, shiftKey: true }), false, false)).toBe('start');
    expect(commandFor(key('s', { ctrlKey: true }), false, false)).toBeNull();
    expect(commandFor(key('X', { metaKey: true, shiftKey: true }), true, false)).toBe('stop');
    expect(commandFor(key('N', { metaKey: true, shiftKey: true }), true, false)).toBe('presets');
    expect(commandFor(key('n', { metaKey: true }), true, false)).toBe('create');
  });

  it('never deletes from inside a text field', () => {
    expect(commandFor(key('Delete'), true, false)).toBe('delete');
    expect(commandFor(key('Delete'), true, true)).toBeNull();
    expect(commandFor(key('Backspace', { metaKey: true }), true, true)).toBeNull();
    expect(commandFor(key('Backspace', { metaKey: true }), true, false)).toBe('delete');
    expect(commandFor(key('Backspace'), true, false)).toBeNull();
  });

  it('labels shortcuts per platform', () => {
    expect(shortcutLabel('start', true)).toBe('⌘⇧S');
    expect(shortcutLabel('presets', true)).toBe('⌘⇧N');
    expect(shortcutLabel('start', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('delete', true)).toBe('⌘⌫');
    expect(shortcutLabel('rename', true)).toBeNull();
  });
});

describe('the keys of shared/commands.ts', () => {
  it('reach the window as the menu shows them, ⌘E and ⌘⌥N included', () => {
    expect(commandFor(key('e', { metaKey: true }), true, false)).toBe('export');
    expect(commandFor(key('n', { metaKey: true, altKey: true }), true, false)).toBe('new-sandbox');
    expect(commandFor(key('e', { metaKey: true, altKey: true }), true, false)).toBeNull();
    expect(shortcutLabel('new-sandbox', true)).toBe('⌘⌥N');
    expect(shortcutLabel('export', false)).toBe('Ctrl+E');
  });
});
