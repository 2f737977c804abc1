import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../shared/jobs';
import type { Core } from '../core/app-core';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return { app: new EventEmitter(), shown: [] as string[] };
});
vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: { getFocusedWindow: () => null },
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string }) {}
    show() {
      fake.shown.push(this.options.title);
    }
  },
}));

const { EventHub } = await import('../core/platform/events');
const { notifyFinishedJobs } = await import('./notifications');

const job = (state: Job['state']): Job => ({
  id: 'job-1',
  kind: 'export',
  machine: 'ubuntu',
  title: 'Export ubuntu',
  state,
  createdAt: 0,
  cancellable: true,
});

describe('notifyFinishedJobs', () => {
  let events: InstanceType<typeof EventHub>;
  beforeEach(() => {
    fake.shown.length = 0;
    fake.app.removeAllListeners();
    events = new EventHub();
    notifyFinishedJobs({ events, settings: { get: () => ({ notifications: true }) } } as unknown as Core);
  });

  it('tells about a job that ended while the app was in the background', () => {
    events.emit('jobs:changed', job('succeeded'));
    expect(fake.shown).toEqual(['Exported ubuntu']);
  });

  it('says nothing about the jobs cancelled because the app quits', () => {
    fake.app.emit('will-quit', { preventDefault() {} });
    events.emit('jobs:changed', job('cancelled'));
    expect(fake.shown).toEqual([]);
  });
});
