import { describe, expect, it, vi } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';

import { Router } from './router';

const ctx = { transport: 'headless' as const };

describe('Router', () => {
  it('answers an ok envelope with the handler result', async () => {
    const router = new Router();
    router.handle('jobs:list', () => []);
    expect(await router.invoke('jobs:list', {}, ctx)).toEqual({ ok: true, data: [] });
  });

  it('treats a missing request as empty', async () => {
    const router = new Router();
    router.handle('jobs:list', () => []);
    expect(await router.invoke('jobs:list', undefined, ctx)).toMatchObject({ ok: true });
  });

  it('validates before the handler runs and names the bad field', async () => {
    const router = new Router();
    const handler = vi.fn();
    router.handle('machine:start', handler);
    const result = await router.invoke('machine:start', { name: '-rf' }, ctx);
    expect(handler).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: ErrorCode.INVALID_INPUT,
        message: 'That is not a machine name.',
        detail: { field: 'name' },
      },
    });
  });

  it('refuses a wrong type and unknown keys', async () => {
    const router = new Router();
    router.handle('machine:start', () => {
      throw new Error('must not run');
    });
    expect(await router.invoke('machine:start', { name: 3 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: 'name' } },
    });
    expect(await router.invoke('machine:start', { name: 'a1', rm: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await router.invoke('machine:start', 'ubuntu', ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { field: '(request)' } },
    });
  });

  it('answers UNKNOWN_CHANNEL for a channel outside the contract or without a handler', async () => {
    const router = new Router();
    expect(await router.invoke('machine:format', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_CHANNEL },
    });
    expect(await router.invoke({ toString: 1 }, {}, ctx)).toMatchObject({ ok: false });
    expect(await router.invoke('jobs:list', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_CHANNEL, message: 'No handler for jobs:list.' },
    });
  });

  it('carries an AppError across as data, with its detail', async () => {
    const router = new Router();
    router.handle('machine:stop', () => {
      throw new AppError(ErrorCode.NOT_FOUND, "No machine named 'x'.", { argv: ['stop', 'x'], exitCode: 1 });
    });
    expect(await router.invoke('machine:stop', { name: 'x1' }, ctx)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: "No machine named 'x'.",
        detail: { argv: ['stop', 'x'], exitCode: 1 },
      },
    });
  });

  it('turns an unexpected throw into INTERNAL and reports it', async () => {
    const seen: string[] = [];
    const router = new Router((channel) => seen.push(channel));
    router.handle('jobs:list', async () => {
      throw new TypeError('boom');
    });
    expect(await router.invoke('jobs:list', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('boom') },
    });
    expect(seen).toEqual(['jobs:list']);
  });

  it('lists channels nobody handles and refuses a second handler', () => {
    const router = new Router();
    router.handle('jobs:list', () => []);
    expect(router.unhandled()).not.toContain('jobs:list');
    expect(router.unhandled()).toContain('machine:start');
    expect(() => router.handle('jobs:list', () => [])).toThrow(/already registered/);
  });
});

describe('Router guards', () => {
  it('refuses every call of a guarded transport while it has no guard', async () => {
    const router = new Router();
    const handler = vi.fn(() => []);
    router.handle('jobs:list', handler);
    expect(await router.invoke('jobs:list', {}, { transport: 'agent' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.FORBIDDEN },
    });
    expect(handler).not.toHaveBeenCalled();
    // Other transports are not guarded unless a guard is given.
    expect(await router.invoke('jobs:list', {}, ctx)).toMatchObject({ ok: true });
  });

  it('stands around the handler of its transport only, after validation', async () => {
    const router = new Router();
    router.handle('machine:start', ({ name }) => ({ started: name }) as never);
    const seen: string[] = [];
    router.guard('agent', async (channel, request, _context, next) => {
      seen.push(`${channel} ${JSON.stringify(request)}`);
      if ((request as { name: string }).name === 'nope')
        throw new AppError(ErrorCode.FORBIDDEN, 'Not that one.');
      return next();
    });
    expect(await router.invoke('machine:start', { name: 'box' }, { transport: 'agent' })).toEqual({
      ok: true,
      data: { started: 'box' },
    });
    expect(await router.invoke('machine:start', { name: 'nope' }, { transport: 'agent' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.FORBIDDEN, message: 'Not that one.' },
    });
    expect(await router.invoke('machine:start', { name: '-rf' }, { transport: 'agent' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INVALID_INPUT },
    });
    await router.invoke('machine:start', { name: 'person' }, ctx);
    expect(seen).toEqual(['machine:start {"name":"box"}', 'machine:start {"name":"nope"}']);
    expect(() => router.guard('agent', async (_c, _r, _x, next) => next())).toThrow(/already/);
  });
});
