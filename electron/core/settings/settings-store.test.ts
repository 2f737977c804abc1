import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/settings';
import { EventHub } from '../events';
import { SettingsStore } from './settings-store';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'orbdeck-settings-')), 'settings.json');

describe('SettingsStore', () => {
  it('starts from the defaults and persists changes', () => {
    const file = fresh();
    const store = new SettingsStore(file);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.set({ pollIntervalMs: 5000, orbctlPath: '/opt/homebrew/bin/orbctl' });
    expect(new SettingsStore(file).get()).toMatchObject({
      pollIntervalMs: 5000,
      orbctlPath: '/opt/homebrew/bin/orbctl',
    });
  });

  it.each([
    [{ pollIntervalMs: 10 }, 'pollIntervalMs'],
    [{ pollIntervalMs: 'fast' }, 'pollIntervalMs'],
    [{ orbctlPath: 'relative/orbctl' }, 'orbctlPath'],
    [{ exportFolder: '/tmp/\0x' }, 'exportFolder'],
    [{ theme: 'pink' }, '(settings)'],
  ])('refuses %j naming %s, and changes nothing', (patch, field) => {
    const file = fresh();
    const store = new SettingsStore(file);
    expect(() => store.set(patch as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', detail: { field } }),
    );
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(file)).toBe(false);
  });

  it('sets a damaged file aside instead of losing it', () => {
    const file = fresh();
    writeFileSync(file, '{ not json');
    const store = new SettingsStore(file);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadProblem).toMatch(/not valid JSON/);
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe('{ not json');
  });

  it('keeps the good values of a file with one bad value', () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ pollIntervalMs: 9000, notifications: 'yes' }));
    const store = new SettingsStore(file);
    expect(store.get()).toMatchObject({ pollIntervalMs: 9000, notifications: true });
    expect(store.loadProblem).toMatch(/notifications/);
  });

  it('tells listeners and windows', () => {
    const events = new EventHub();
    const sent: unknown[] = [];
    events.on('settings:changed', (s) => sent.push(s));
    const store = new SettingsStore(fresh(), events);
    const seen: number[] = [];
    store.onChange((s, prev) => seen.push(s.pollIntervalMs - prev.pollIntervalMs));
    store.set({ pollIntervalMs: 4000 });
    expect(seen).toEqual([1000]);
    expect(sent).toHaveLength(1);
  });
});
