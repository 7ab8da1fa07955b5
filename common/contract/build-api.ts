import { eventNames, invokeChannels, isEventName, type EventName, type InvokeChannel } from './channels';
import type { Result } from './result';
import type { ContractWire, EventListener, OnrampApi, PayloadOf } from './types';

/**
 * Builds the typed OnrampApi over an untyped wire. Used by the preload (wire =
 * ipcRenderer) and by the renderer's host transport (wire = WebSocket), so both
 * expose exactly the contract's functions and nothing else.
 */
export function buildApi(wire: ContractWire): OnrampApi {
  const invoke = {} as Record<InvokeChannel, (request: unknown) => Promise<Result<unknown>>>;
  for (const channel of invokeChannels) {
    invoke[channel] = (request: unknown) => wire.invoke(channel, request);
  }
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(eventNames.map((e) => [e, new Set()]));
  wire.subscribe((event, payload) => {
    if (!isEventName(event)) return;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return Object.freeze({
    invoke: Object.freeze(invoke) as OnrampApi['invoke'],
    on<E extends EventName>(event: E, listener: EventListener<E>) {
      const set = listeners.get(event);
      if (!set) throw new Error(`unknown event ${String(event)}`);
      const wrapped = (payload: unknown) => listener(payload as PayloadOf<E>);
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
  });
}
