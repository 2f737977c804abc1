import { createConnection, type Socket } from 'node:net';

/** The stand-in's control channel: JSON lines on a Unix socket (test/electron-stand-in/lib/control.mjs). */
export class Control {
  private nextId = 1;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('close', () => {
      for (const { reject } of this.pending.values())
        reject(new Error('The stand-in closed its control channel'));
      this.pending.clear();
    });
    socket.on('error', () => {});
  }

  static connect(path: string): Promise<Control> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(path, () => resolve(new Control(socket)));
      socket.once('error', reject);
    });
  }

  call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    if (this.socket.destroyed)
      return Promise.reject(new Error('The stand-in has closed its control channel'));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(JSON.stringify({ id, method, params }) + '\n');
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const reply = JSON.parse(this.buffer.slice(0, end)) as { id: number; result?: unknown; error?: string };
      this.buffer = this.buffer.slice(end + 1);
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    }
  }
}
