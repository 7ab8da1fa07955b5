import type { z } from 'zod';
import type { EventName, InvokeChannel, Invokes, events } from './channels';
import type { Result } from './result';

/** What a caller sends (before defaults/transforms). */
export type RequestOf<C extends InvokeChannel> = z.input<Invokes[C]['request']>;
/** What a handler receives after parsing. */
export type ParsedRequestOf<C extends InvokeChannel> = z.output<Invokes[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<Invokes[C]['response']>;
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export type Handlers = {
  [C in InvokeChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export type EventListener<E extends EventName> = (payload: PayloadOf<E>) => void;

/** The one global the renderer talks to (window.onramp in Electron; the host transport in Chromium). */
export interface OnrampApi {
  invoke: { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/** The untyped wire both transports carry; the typed OnrampApi is built on it. */
export interface ContractWire {
  invoke(channel: string, request: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** The handlers of one capability: `HandlersFor<'vault'>` = every `vault.*` channel. */
export type HandlersFor<Prefix extends string> = Pick<Handlers, Extract<InvokeChannel, `${Prefix}.${string}`>>;
