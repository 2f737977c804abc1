/**
 * The agent endpoint's client, as the MCP program uses it: calls the core's channels (each answered as the router
 * answers, errors with their code), and follows the jobs it asked for until they end.
 */
import WebSocket from 'ws';
import { AppError, ErrorCode } from '../../shared/errors';
import type { WsServerMessage } from '../../shared/ipc/bridge';
import { isFinished, type Job } from '../../shared/jobs';
import type { Envelope } from '../../shared/result';
import type { SandboxRecord } from '../../shared/sandboxes';
import type { EndpointInfo } from './endpoint-file';
import { AGENT_PATH } from './server';

/** Job states kept from events, for a wait that starts after the job ended. */
const KEEP_JOBS = 500;

export class AgentClient {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly jobs = new Map<string, Job>();
  private readonly jobWaiters = new Set<(job: Job) => void>();
  private readonly sandboxWaiters = new Set<(records: SandboxRecord[]) => void>();
  private closedWith: string | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(String(data)));
    ws.on('close', () => this.lost('OrbDeck closed the connection.'));
    ws.on('error', (error) => this.lost(`The connection to OrbDeck failed: ${error.message}`));
  }

  static connect(endpoint: Pick<EndpointInfo, 'port' | 'token'>, timeoutMs = 5000): Promise<AgentClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${endpoint.port}${AGENT_PATH}`, {
        headers: { Authorization: `Bearer ${endpoint.token}` },
        handshakeTimeout: timeoutMs,
        maxPayload: 16 << 20,
      });
      ws.once('open', () => resolve(new AgentClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`OrbDeck's agent endpoint refused the connection (${res.statusCode}).`)),
      );
    });
  }

  get closed(): string | null {
    return this.closedWith;
  }

  /** Calls a channel; throws an AppError with the core's code and words when it is refused or fails. */
  invoke<T>(channel: string, request: unknown): Promise<T> {
    if (this.closedWith) return Promise.reject(new AppError(ErrorCode.DISCONNECTED, this.closedWith));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (envelope) => {
        if (envelope.ok) resolve(envelope.data as T);
        else reject(new AppError(envelope.error.code, envelope.error.message, envelope.error.detail));
      });
      this.ws.send(JSON.stringify({ id, channel, request }));
    });
  }

  /** The job once it has ended; `onChange` hears every change meanwhile. Rejects when `signal` aborts. */
  async finished(id: string, onChange?: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
    const known = this.jobs.get(id);
    if (known && isFinished(known)) return known;
    return new Promise<Job>((resolve, reject) => {
      const waiter = (job: Job) => {
        if (job.id !== id) return;
        onChange?.(job);
        if (!isFinished(job)) return;
        done();
        resolve(job);
      };
      const abort = () => {
        done();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('Stopped waiting.'));
      };
      const done = () => {
        this.jobWaiters.delete(waiter);
        signal?.removeEventListener('abort', abort);
      };
      this.jobWaiters.add(waiter);
      signal?.addEventListener('abort', abort);
      // The job may have changed before this wait began: ask for it once.
      void this.invoke<Job[]>('jobs:list', {})
        .then((list) => {
          const now = list.find((j) => j.id === id);
          if (now) waiter(now);
        })
        .catch(() => undefined);
    });
  }

  /**
   * Resolves with the sandbox `name` once `ready` says it is, from the sandboxes as they change (`sandboxes` is
   * the list as it stands when the wait begins); null when `ms` pass first or the sandbox is gone.
   */
  untilSandbox(
    name: string,
    sandboxes: SandboxRecord[],
    ready: (record: SandboxRecord) => boolean,
    ms: number,
  ): Promise<SandboxRecord | null> {
    const check = (records: SandboxRecord[]) => records.find((r) => r.name === name);
    const now = check(sandboxes);
    if (now && ready(now)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), ms);
      const waiter = (records: SandboxRecord[]) => {
        const record = check(records);
        if (!record) finish(null);
        else if (ready(record)) finish(record);
      };
      const finish = (record: SandboxRecord | null) => {
        clearTimeout(timer);
        this.sandboxWaiters.delete(waiter);
        resolve(record);
      };
      this.sandboxWaiters.add(waiter);
    });
  }

  close(): void {
    this.ws.close();
  }

  private receive(text: string): void {
    let message: WsServerMessage;
    try {
      message = JSON.parse(text) as WsServerMessage;
    } catch {
      return;
    }
    if ('id' in message) {
      const answer = this.pending.get(message.id);
      this.pending.delete(message.id);
      answer?.(message.result);
    } else if (message.event === 'jobs:changed') {
      const job = message.payload as Job;
      this.jobs.delete(job.id);
      this.jobs.set(job.id, job);
      if (this.jobs.size > KEEP_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
      for (const waiter of [...this.jobWaiters]) waiter(job);
    } else if (message.event === 'sandboxes:changed') {
      const records = message.payload as SandboxRecord[];
      for (const waiter of [...this.sandboxWaiters]) waiter(records);
    }
  }

  private lost(why: string): void {
    if (this.closedWith) return;
    this.closedWith = why;
    const failure = { ok: false as const, error: { code: ErrorCode.DISCONNECTED, message: why } };
    for (const answer of this.pending.values()) answer(failure);
    this.pending.clear();
  }
}
