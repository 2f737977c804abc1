import type { z } from 'zod';
import {
  ALL_CHANNELS,
  CONTRACT,
  isChannel,
  type ChannelOwner,
  type IpcChannel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';
import { AppError, ErrorCode } from '../../../shared/errors';
import { RULE_ISSUE } from '../../../shared/ipc/schemas';
import { fail, ok, type Envelope } from '../../../shared/result';

/**
 * Who is calling: handlers may behave differently where a transport lacks a native feature. `agent` is the agent
 * endpoint (electron/agent-endpoint): an agent's calls pass its guard before any handler runs.
 */
export interface CallContext {
  transport: 'electron' | 'headless' | 'agent';
  /** Which connection called (the headless host's WebSocket); Electron's windows are tracked by main. */
  client?: string;
}

export type Handler<C extends IpcChannel> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

type AnyHandler = (request: unknown, context: CallContext) => unknown;

/**
 * Stands around every handler a transport's calls reach, after validation: it may refuse the call (throw an
 * AppError), or run it (`next`) and look at what it did.
 */
export type CallGuard = (
  channel: IpcChannel,
  request: unknown,
  context: CallContext,
  next: () => Promise<unknown>,
) => Promise<unknown>;

/** Transports whose every call must pass a guard: without one registered, they are refused whole. */
const GUARDED: ReadonlySet<CallContext['transport']> = new Set(['agent']);

/** The channels the contract gives to one owner (shared/ipc/contract.ts). */
export type ChannelsOf<O extends ChannelOwner> = {
  [C in IpcChannel]: (typeof CONTRACT)[C]['owner'] extends O ? C : never;
}[IpcChannel];

/**
 * The one entry point for every call from a window, whichever transport carried it. It validates the request
 * against the contract's schema before the handler runs, and always answers an envelope: it never throws.
 */
export class Router {
  private readonly handlers = new Map<IpcChannel, AnyHandler>();
  private readonly guards = new Map<CallContext['transport'], CallGuard>();

  constructor(private readonly onUnexpected: (channel: string, error: unknown) => void = () => {}) {}

  /** Registers the handler of one channel; features register their own (see handlers/). */
  handle<C extends IpcChannel>(channel: C, handler: Handler<C>): void {
    if (this.handlers.has(channel)) throw new Error(`A handler for ${channel} is already registered`);
    this.handlers.set(channel, handler as AnyHandler);
  }

  /**
   * What one handler file registers with: only the channels the contract says it owns type-check, so a
   * channel answered by the wrong feature is a compile error.
   */
  forOwner<O extends ChannelOwner>(
    _owner: O,
  ): <C extends ChannelsOf<O>>(channel: C, handler: Handler<C>) => void {
    return (channel, handler) => this.handle(channel, handler);
  }

  /** The guard of one transport's calls (one per transport). */
  guard(transport: CallContext['transport'], guard: CallGuard): void {
    if (this.guards.has(transport)) throw new Error(`The ${transport} calls already have a guard`);
    this.guards.set(transport, guard);
  }

  /** Channels of the contract that nobody handles yet; the app refuses to start with any. */
  unhandled(): IpcChannel[] {
    return ALL_CHANNELS.filter((c) => !this.handlers.has(c));
  }

  async invoke(channel: unknown, request: unknown, context: CallContext): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) {
      return fail({
        code: ErrorCode.UNKNOWN_CHANNEL,
        message: `Unknown channel ${JSON.stringify(channel)}.`,
      });
    }
    const handler = this.handlers.get(channel);
    if (!handler) {
      return fail({ code: ErrorCode.UNKNOWN_CHANNEL, message: `No handler for ${channel}.` });
    }
    const guard = this.guards.get(context.transport);
    if (!guard && GUARDED.has(context.transport)) {
      return fail({ code: ErrorCode.FORBIDDEN, message: `${context.transport} calls are not accepted.` });
    }
    const parsed = (CONTRACT[channel].request as z.ZodType).safeParse(request ?? {});
    if (!parsed.success) return fail(invalidInput(parsed.error).toData());
    try {
      const run = async () => handler(parsed.data, context);
      return ok(await (guard ? guard(channel, parsed.data, context, run) : run()));
    } catch (error) {
      if (error instanceof AppError) return fail(error.toData());
      this.onUnexpected(channel, error);
      const message = error instanceof Error ? error.message : String(error);
      return fail({ code: ErrorCode.INTERNAL, message: `OrbDeck hit an unexpected error: ${message}` });
    }
  }
}

/**
 * Turns zod's issues into one INVALID_INPUT error about the first bad field: a shared rule's own sentence
 * (shared/ipc/schemas.ts), else zod's words with the field named.
 */
function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(request)';
  const problem = issue?.message ?? 'invalid';
  const byRule = issue?.code === 'custom' && issue.params?.[RULE_ISSUE] === true;
  return new AppError(ErrorCode.INVALID_INPUT, byRule ? problem : `Invalid ${field}: ${problem}.`, {
    field,
    notes: error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`),
  });
}
