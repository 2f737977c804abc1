import type { ChannelOwner } from '../../shared/ipc/contract';
import { registerAppHandlers } from './app/handlers';
import { registerCheckpointHandlers } from './checkpoints/handlers';
import { registerDesktopHandlers } from './desktop/handlers';
import type { Router } from './ipc/router';
import { registerJobHandlers } from './jobs/handlers';
import { registerDeepLinkHandlers } from './links/handlers';
import { registerMachineHandlers } from './machines/handlers';
import { registerPresetHandlers } from './presets/handlers';
import { registerRunHandlers } from './run/handlers';
import { registerSandboxHandlers } from './sandboxes/handlers';
import { registerStartPolicyHandlers } from './start-policy/handlers';
import type { CoreServices } from './services';
import { registerTransferHandlers } from './transfers/handlers';
import { registerUsageHandlers } from './usage/handlers';

/** Registers a feature's handlers on the router, with what it needs from the core's services. */
export type RegisterFeature = (router: Router, services: CoreServices) => void;

/**
 * Every feature that answers channels, by the owner the contract names (shared/ipc/contract.ts). A new owner
 * does not compile until it is here; a channel nobody handles stops the core at start (`router.unhandled`).
 */
export const FEATURES = {
  app: registerAppHandlers,
  machines: registerMachineHandlers,
  checkpoints: registerCheckpointHandlers,
  transfers: registerTransferHandlers,
  jobs: registerJobHandlers,
  desktop: registerDesktopHandlers,
  run: registerRunHandlers,
  presets: registerPresetHandlers,
  links: registerDeepLinkHandlers,
  usage: registerUsageHandlers,
  sandboxes: registerSandboxHandlers,
  'start-policy': registerStartPolicyHandlers,
} satisfies Record<ChannelOwner, RegisterFeature>;
