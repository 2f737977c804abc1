import type { EventOf, IpcChannel, IpcEvent, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { getApi } from '../api/api';

/**
 * A list the core keeps and announces (checkpoints, machines being set up): pulled once with `channel`, then
 * followed through `event`, once per window. Safe to call from every component that shows it; a pull that
 * failed is tried again by the next call.
 */
export function follower<C extends IpcChannel, E extends IpcEvent>(
  channel: C,
  request: RequestOf<C>,
  event: E,
  set: (value: ResponseOf<C> & EventOf<E>) => void,
): () => void {
  let following = false;
  return () => {
    if (following) return;
    following = true;
    const api = getApi();
    api.on(event, (value) => set(value as ResponseOf<C> & EventOf<E>));
    api
      .invoke(channel, request)
      .then((value) => set(value as ResponseOf<C> & EventOf<E>))
      .catch(() => {
        following = false;
      });
  };
}
