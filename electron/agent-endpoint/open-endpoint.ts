/**
 * Opens the agent endpoint for a host (the desktop app or the headless host) and keeps it as Settings say: open
 * while "Let agents use OrbDeck" is on, closed (and its file removed) while it is off.
 */
import type { Router } from '../core/ipc/router';
import type { EventHub } from '../core/platform/events';
import type { SettingsStore } from '../core/platform/settings-store';
import { removeEndpointFile, writeEndpointFile, type EndpointInfo } from './endpoint-file';
import type { AgentLimits } from './limits';
import { startAgentServer, type AgentServer } from './server';

export interface OpenEndpointOptions {
  router: Router;
  events: EventHub;
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  dataDir: string;
  host: EndpointInfo['host'];
  demo: boolean;
  limits?: Partial<AgentLimits>;
  log?: (line: string) => void;
}

export interface AgentEndpoint {
  /** The server while it is open. */
  current(): AgentServer | null;
  /** Resolves once the last change of the setting has been carried out (the endpoint file written or removed). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function openAgentEndpoint(options: OpenEndpointOptions): AgentEndpoint {
  let server: AgentServer | null = null;
  let closed = false;
  // One change at a time: a quick off-on-off ends as the last one says.
  let chain = Promise.resolve();
  const follow = (on: boolean) => {
    chain = chain.then(async () => {
      if (on && !server && !closed) {
        server = await startAgentServer(options);
        writeEndpointFile(options.dataDir, {
          version: 1,
          port: server.port,
          token: server.token,
          pid: process.pid,
          host: options.host,
          demo: options.demo,
        });
      } else if ((!on || closed) && server) {
        const was = server;
        server = null;
        removeEndpointFile(options.dataDir, was.token);
        await was.close();
      }
    });
    chain = chain.catch((error: unknown) => options.log?.(`The agent endpoint: ${String(error)}`));
  };
  follow(options.settings.get().agentEndpoint);
  const off = options.settings.onChange((now, before) => {
    if (now.agentEndpoint !== before.agentEndpoint) follow(now.agentEndpoint);
  });
  return {
    current: () => server,
    settled: () => chain,
    async close() {
      closed = true;
      off();
      follow(false);
      await chain;
    },
  };
}
