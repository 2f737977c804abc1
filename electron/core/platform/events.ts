import type { EventOf, IpcEvent } from '../../../shared/ipc/contract';

type Listener = (event: IpcEvent, payload: unknown) => void;

/**
 * The main process's outgoing events. Core services emit here; each transport subscribes once with `onAny`
 * and forwards to its windows. Every subscription returns its disposer.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends IpcEvent>(event: E, payload: EventOf<E>): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  onAny(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends IpcEvent>(event: E, listener: (payload: EventOf<E>) => void): () => void {
    return this.onAny((name, payload) => {
      if (name === event) listener(payload as EventOf<E>);
    });
  }
}
