import { MAX_REPLY_BYTES, MAX_REQUEST_BYTES } from '../../shared/ipc/limits';

/** What one client, or many, can hold of the headless host. Tests shrink these to see them act. */
export interface HostLimits {
  /** WebSockets open at once; one more is refused with 503 before the upgrade. */
  maxWsClients: number;
  /**
   * TCP connections at once, WebSockets included. Past it a newcomer takes the slot of the oldest connection
   * that is neither a window nor answering a request, and is dropped only when there is none (connection-slots.ts).
   */
  maxHttpConnections: number;
  /** How often every WebSocket is pinged; one that has not answered the previous ping is terminated. */
  heartbeatMs: number;
  /** A request's headers must all arrive within this (a half-open request is dropped). */
  headersTimeoutMs: number;
  /**
   * An HTTP connection with no traffic for this long is closed. An inactivity bound rather than a total one,
   * so an upload may take hours while it moves.
   */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Largest WebSocket message from a window; a bigger one closes that connection (1009). */
  maxMessageBytes: number;
  /** Largest answer or event sent to a window; a bigger answer is sent as an error saying so. */
  maxReplyBytes: number;
  /** Requests one WebSocket may have unanswered; past it the host stops reading it until some finish. */
  maxInFlight: number;
  /** Replies queued for a client that does not read them; past it the connection is dropped. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  maxWsClients: 32,
  maxHttpConnections: 128,
  heartbeatMs: 30_000,
  // A browser sends its headers with the connection; a connection silent this long holds a slot for nothing.
  headersTimeoutMs: 3_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxMessageBytes: MAX_REQUEST_BYTES,
  maxReplyBytes: MAX_REPLY_BYTES,
  maxInFlight: 32,
  maxBufferedBytes: 8 << 20,
};
