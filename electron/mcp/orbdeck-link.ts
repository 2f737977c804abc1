/** The MCP program's connection to OrbDeck: made when the first tool needs it, and made again after it is lost. */
import { AgentClient } from '../agent-endpoint/client';
import type { HeadlessHost } from '../headless';
import { findOrStartOrbDeck, type FindOptions } from './find-orbdeck';

export class OrbDeckLink {
  private current: AgentClient | null = null;
  private connecting: Promise<AgentClient> | null = null;
  private host: HeadlessHost | null = null;

  constructor(private readonly options: FindOptions) {}

  client(): Promise<AgentClient> {
    if (this.current && !this.current.closed) return Promise.resolve(this.current);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Closes the connection, and the OrbDeck started here, if one was. */
  async close(): Promise<void> {
    this.current?.close();
    await this.host?.close();
    this.host = null;
  }

  private async connect(): Promise<AgentClient> {
    const found = await findOrStartOrbDeck(this.options);
    if (found.host) this.host = found.host;
    this.current = await AgentClient.connect(found.endpoint);
    return this.current;
  }
}
