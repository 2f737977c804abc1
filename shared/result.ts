import type { AppErrorData } from './errors';

/**
 * Every invoke answers with this envelope: Electron only carries an Error's message across IPC, and the
 * WebSocket carries JSON, so errors travel as data and are rebuilt on the renderer side.
 */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (error: AppErrorData): Envelope<never> => ({ ok: false, error });
