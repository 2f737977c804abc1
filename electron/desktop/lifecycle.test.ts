import { describe, expect, it, vi } from 'vitest';

const app = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return Object.assign(new EventEmitter(), { isReady: () => true });
});
vi.mock('electron', () => ({ app, dialog: {} }));

const { OpenFileQueue } = await import('./open-files');
const { handleOpenedFiles } = await import('./lifecycle');

describe('files handed to a launch', () => {
  it('resolves a second launch’s relative paths against its own working directory', () => {
    const queue = new OpenFileQueue();
    handleOpenedFiles(queue, () => {});
    const delivered: string[][] = [];
    queue.ready((paths) => delivered.push(paths));
    app.emit(
      'second-instance',
      {},
      ['/usr/bin/orbdeck', 'web.tar.zst', '../old/db.tar.zst'],
      '/home/me/exports',
    );
    expect(delivered).toEqual([['/home/me/exports/web.tar.zst', '/home/me/old/db.tar.zst']]);
  });
});
