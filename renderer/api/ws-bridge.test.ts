import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../shared/ipc/limits';
import { createWsBridge } from './ws-bridge';

/** A WebSocket that opens at once and keeps what it is asked to send. */
class FakeSocket {
  static last: FakeSocket | null = null;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    FakeSocket.last = this;
    queueMicrotask(() => this.onopen?.());
  }
  send(text: string) {
    this.sent.push(text);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('the headless bridge', () => {
  it('refuses a request larger than the host takes, before sending it, saying how large', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const bridge = createWsBridge('ws://127.0.0.1:1/ws');
    const answer = await bridge.invoke('presets:import', { text: 'x'.repeat(2 * MAX_REQUEST_BYTES) });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: 'This is too large to send to OrbDeck (2 MiB; at most 1 MiB).' },
    });
    expect(FakeSocket.last?.sent).toEqual([]);
    // A request that fits is sent as it is.
    void bridge.invoke('app:info', {});
    expect(JSON.parse(FakeSocket.last!.sent[0]!)).toMatchObject({ channel: 'app:info', request: {} });
  });
});
