/** What agents can hold of the agent endpoint. Tests shrink these to see them act. */
export interface AgentLimits {
  /** Clients at once; one more is refused (503) before the upgrade. */
  maxClients: number;
  /** Largest message (a file copied in by content is at most 4 MiB, 5.6 MB as base64). */
  maxMessageBytes: number;
  /** Requests one client may have unanswered; one more is answered BUSY at once. */
  maxInFlight: number;
  /** Requests a client may send in one second; more are answered BUSY. */
  maxPerSecond: number;
  /** Replies queued for a client that does not read them; past it the connection is dropped. */
  maxBufferedBytes: number;
  heartbeatMs: number;
}

export const AGENT_LIMITS: AgentLimits = {
  maxClients: 8,
  maxMessageBytes: 8 << 20,
  maxInFlight: 16,
  maxPerSecond: 50,
  maxBufferedBytes: 16 << 20,
  heartbeatMs: 30_000,
};
