import { events, type EventName } from '../../common/contract/channels';
import type { PayloadOf } from '../../common/contract/types';

export type EventSink = (event: EventName, payload: unknown) => void;

/**
 * Services emit typed events here; transports (Electron windows, host sockets)
 * subscribe. Payloads are parsed with the contract schema before they leave.
 */
export class EventBus {
  private readonly sinks = new Set<EventSink>();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    const safe = events[event].parse(payload);
    for (const sink of this.sinks) sink(event, safe);
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => void this.sinks.delete(sink);
  }
}
