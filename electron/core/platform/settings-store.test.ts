import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/settings';
import { EventHub } from './events';
import { Notices } from './notices';
import { realWriter, type FileWriter } from './storage';
import { tinyDisk, tinyDiskSupported, type TinyDisk } from '../../../test/helpers/disks';
import { SettingsStore } from './settings-store';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'orbdeck-settings-')), 'settings.json');
const asideOf = (file: string) =>
  readdirSync(dirname(file)).filter((n) => n.startsWith('settings.json.bad-'));
const failing = (code: string): FileWriter => ({
  ...realWriter,
  replace() {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  },
});

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

  it('sets a damaged file aside instead of losing it, and tells the user', () => {
    const file = fresh();
    writeFileSync(file, '{ not json');
    const notices = new Notices();
    const store = new SettingsStore(file, undefined, { notices });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadProblem).toMatch(/not valid JSON/);
    const [aside] = asideOf(file);
    expect(readFileSync(join(dirname(file), aside!), 'utf8')).toBe('{ not json');
    expect(notices.list().map((n) => [n.level, n.text])).toEqual([
      [
        'warning',
        expect.stringMatching(
          new RegExp(
            `^Settings: settings\\.json was not valid JSON \\(.+\\), so the defaults are used; ` +
              `the damaged file was kept as ${aside!.replace(/\./g, '\\.')}\\.$`,
          ),
        ),
      ],
    ]);
    // Said once: the next start finds nothing to repair.
    const again = new Notices();
    new SettingsStore(file, undefined, { notices: again });
    expect(again.list()).toEqual([]);
  });

  it('never overwrites a damaged file set aside earlier', () => {
    const file = fresh();
    writeFileSync(file, 'first damage');
    new SettingsStore(file);
    writeFileSync(file, '[ "second damage" ]');
    new SettingsStore(file);
    const kept = asideOf(file).map((n) => readFileSync(join(dirname(file), n), 'utf8'));
    expect(kept.sort()).toEqual(['[ "second damage" ]', 'first damage']);
  });

  it('keeps the good values of a file with one bad value, and a copy of the file as it was', () => {
    const file = fresh();
    const original = JSON.stringify({ pollIntervalMs: 9000, notifications: 'yes' });
    writeFileSync(file, original);
    const notices = new Notices();
    const store = new SettingsStore(file, undefined, { notices });
    expect(store.get()).toMatchObject({ pollIntervalMs: 9000, notifications: true });
    expect(store.loadProblem).toMatch(/notifications/);
    store.set({ pollIntervalMs: 4000 });
    const [aside] = asideOf(file);
    expect(readFileSync(join(dirname(file), aside!), 'utf8')).toBe(original);
    expect(notices.list().map((n) => n.text)).toEqual([
      `Settings: ignored bad values for notifications (reset to their defaults); the file as it was is kept as ${aside}.`,
    ]);
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

  it('writes nothing and tells no one when a set changes nothing', () => {
    const events = new EventHub();
    const sent: unknown[] = [];
    events.on('settings:changed', (s) => sent.push(s));
    const writes: string[] = [];
    const store = new SettingsStore(fresh(), events, {
      writer: { ...realWriter, replace: (f, t) => (writes.push(t), realWriter.replace(f, t)) },
    });
    store.set({ lastExportFolder: '/Users/me/Exports' });
    expect(store.set({ lastExportFolder: '/Users/me/Exports' })).toMatchObject({
      lastExportFolder: '/Users/me/Exports',
    });
    store.set({ pollIntervalMs: store.get().pollIntervalMs });
    expect(writes).toHaveLength(1);
    expect(sent).toHaveLength(1);
    store.set({ lastExportFolder: '/Users/me/Other' });
    expect(writes).toHaveLength(2);
    expect(sent).toHaveLength(2);
  });
});

describe('SettingsStore on a disk that refuses writes', () => {
  const texts = (notices: Notices) => notices.list().map((n) => n.text);

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the data folder is read-only'],
  ])('keeps the new values on %s, says why once, and saves them at the next change', (code, words) => {
    const file = fresh();
    const notices = new Notices();
    let writer = failing(code);
    const store = new SettingsStore(file, undefined, {
      notices,
      writer: {
        append: realWriter.append,
        remove: realWriter.remove,
        replace: (f, t) => writer.replace(f, t),
      },
    });
    expect(store.set({ pollIntervalMs: 5000 })).toMatchObject({ pollIntervalMs: 5000 });
    store.set({ notifications: false });
    expect(store.get()).toMatchObject({ pollIntervalMs: 5000, notifications: false });
    expect(store.saveProblem()).toBe(words);
    expect(texts(notices)).toEqual([
      `Settings could not be saved: ${words}. The changes apply until OrbDeck quits; saving is tried again every few seconds until it works.`,
    ]);
    writer = realWriter;
    store.set({ openAtLogin: true });
    expect(new SettingsStore(file).get()).toMatchObject({ pollIntervalMs: 5000, notifications: false });
    expect(store.saveProblem()).toBeNull();
    expect(texts(notices)[1]).toBe('Settings are saved again.');
    expect(readdirSync(dirname(file))).toEqual(['settings.json']);
  });

  it('says so when the data folder is not a folder (ENOTDIR), and keeps the values', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'orbdeck-settings-')), 'data');
    writeFileSync(dir, 'not a folder');
    const notices = new Notices();
    const store = new SettingsStore(join(dir, 'settings.json'), undefined, { notices });
    store.set({ pollIntervalMs: 7000 });
    expect(store.get().pollIntervalMs).toBe(7000);
    expect(texts(notices)[0]).toMatch(
      /^Settings could not be saved: the data folder is missing or is not a folder\./,
    );
  });

  it('leaves no temp file behind when the final rename fails', () => {
    const file = fresh();
    // A non-empty folder where settings.json should be: the temp file is written, the rename refused.
    mkdirSync(file);
    writeFileSync(join(file, 'keep'), '');
    const store = new SettingsStore(file, undefined, { notices: new Notices() });
    store.set({ pollIntervalMs: 5000 });
    expect(store.saveProblem()).not.toBeNull();
    expect(readdirSync(dirname(file))).toEqual(['settings.json']);
  });

  it('writes what is unsaved when flushed at quit', () => {
    const file = fresh();
    let writer = failing('ENOSPC');
    const store = new SettingsStore(file, undefined, {
      writer: {
        append: realWriter.append,
        remove: realWriter.remove,
        replace: (f, t) => writer.replace(f, t),
      },
    });
    store.set({ pollIntervalMs: 5000 });
    writer = realWriter;
    store.flush();
    expect(new SettingsStore(file).get().pollIntervalMs).toBe(5000);
  });

  it('saves settings changed on a full disk once space returns, without another change, and says it until then', async () => {
    const file = fresh();
    const notices = new Notices();
    let full = true;
    const store = new SettingsStore(file, undefined, {
      notices,
      retryMs: 20,
      writer: {
        ...realWriter,
        replace(f, t) {
          if (full) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
          realWriter.replace(f, t);
        },
      },
    });
    store.set({ pollIntervalMs: 5000 });
    expect(store.saveProblem()).toBe('the disk is full');
    expect(notices.has('settings-save')).toBe(true);
    full = false;
    await expect.poll(() => store.saveProblem()).toBeNull();
    expect(new SettingsStore(file).get().pollIntervalMs).toBe(5000);
    expect(texts(notices)).toEqual([
      'Settings could not be saved: the disk is full. The changes apply until OrbDeck quits; saving is tried again every few seconds until it works.',
      'Settings are saved again.',
    ]);
    store.flush();
  });

  describe.runIf(tinyDiskSupported)('on a real tiny disk (tmpfs, as root)', () => {
    let disk: TinyDisk | undefined;
    afterEach(() => disk?.unmount());

    it('leaves no empty temp file on a full disk, and saves once space returns', () => {
      disk = tinyDisk();
      const file = join(disk.dir, 'settings.json');
      const notices = new Notices();
      const store = new SettingsStore(file, undefined, { notices });
      disk.fill();
      store.set({ pollIntervalMs: 5000 });
      expect(store.get().pollIntervalMs).toBe(5000);
      expect(readdirSync(disk.dir).sort()).toEqual(['filler']);
      expect(texts(notices)[0]).toMatch(/^Settings could not be saved: the disk is full\./);
      disk.free();
      store.set({ notifications: false });
      expect(new SettingsStore(file).get()).toMatchObject({ pollIntervalMs: 5000, notifications: false });
    });

    it('says the data folder is read-only on a read-only mount', async () => {
      disk = tinyDisk();
      const file = join(disk.dir, 'settings.json');
      const notices = new Notices();
      const store = new SettingsStore(file, undefined, { notices });
      await disk.readOnly();
      store.set({ pollIntervalMs: 5000 });
      expect(texts(notices)[0]).toMatch(/^Settings could not be saved: the data folder is read-only\./);
      disk.writable();
      store.flush();
      expect(new SettingsStore(file).get().pollIntervalMs).toBe(5000);
    });
  });
});
