import type { EventOf, IpcChannel, IpcEvent, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Api } from '../api/api';
import { useCheckpointRecords } from '../state/checkpoints';
import { useSandboxRecords } from '../state/sandboxes';
import { useSetupRecords } from '../state/setup';
import { usePolicyRecords } from '../state/start-policy';

/** A list the core keeps and announces: pulled with `channel` whenever the window (re)connects, then followed. */
interface FollowedList {
  pull(): Promise<void>;
  dispose(): void;
}

function followList<C extends IpcChannel, E extends IpcEvent>(
  api: Api,
  channel: C,
  request: RequestOf<C>,
  event: E,
  set: (value: ResponseOf<C> & EventOf<E>) => void,
): FollowedList {
  const dispose = api.on(event, (value) => set(value as ResponseOf<C> & EventOf<E>));
  return {
    dispose,
    pull: () =>
      api.invoke(channel, request).then(
        (value) => set(value as ResponseOf<C> & EventOf<E>),
        // Pulled again at the next reconnect; changes arrive as events meanwhile.
        () => undefined,
      ),
  };
}

/** The checkpoints, the sandboxes, the machines being set up and the start policies, each into its store. */
export function followLists(api: Api): FollowedList[] {
  return [
    followList(api, 'checkpoint:list', {}, 'checkpoints:changed', (r) =>
      useCheckpointRecords.getState().set(r),
    ),
    followList(api, 'sandbox:list', {}, 'sandboxes:changed', (r) => useSandboxRecords.getState().set(r)),
    followList(api, 'setup:list', {}, 'setup:changed', (r) => useSetupRecords.getState().set(r)),
    followList(api, 'policy:list', {}, 'policy:changed', (r) => usePolicyRecords.getState().set(r)),
  ];
}
