/**
 * The renderer's one store of the journey model. It subscribes to
 * `journey.changed` and the operation events first, then fetches
 * `journey.snapshot`, and merges everything by revision and seq
 * (./journey-merge.ts). Pages read it through `useJourney()` and keep no copy
 * of a fact main owns; they change things only through the contract, and see
 * the change when main sends the next revision.
 */
import { useSyncExternalStore } from 'react';
import type { ContractError } from '../../common/contract/result';
import { api } from '../bridge/api';
import { applyJourney, applyOpFinished, applyOpProgress, emptyJourneyState, type JourneyState } from './journey-merge';

type Listener = () => void;

class JourneyStore {
  private state: JourneyState = emptyJourneyState;
  private error: ContractError | undefined;
  private readonly listeners = new Set<Listener>();
  private started = false;

  /** Subscribes to main's events, then fetches the snapshot (once per page). */
  start(): void {
    if (this.started) return;
    this.started = true;
    api.on('journey.changed', (snapshot) => this.set(applyJourney(this.state, snapshot)));
    api.on('op.progress', (progress) => this.set(applyOpProgress(this.state, progress)));
    api.on('op.finished', (finished) => this.set(applyOpFinished(this.state, finished)));
    void api.invoke['journey.snapshot']({}).then((result) => {
      if (result.ok) this.set(applyJourney(this.state, result.value));
      else this.fail(result.error);
    });
  }

  /** Asks main to read the setup's AWS resources again; the new model arrives as usual. */
  async refresh(): Promise<void> {
    const result = await api.invoke['journey.refresh']({});
    if (result.ok) this.set(applyJourney(this.state, result.value));
    else this.fail(result.error);
  }

  get = (): JourneyState => this.state;
  failure = (): ContractError | undefined => this.error;

  subscribe = (listener: Listener): (() => void) => {
    this.start();
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(next: JourneyState): void {
    if (next === this.state) return;
    this.state = next;
    this.error = undefined;
    for (const listener of this.listeners) listener();
  }

  private fail(error: ContractError): void {
    this.error = error;
    for (const listener of this.listeners) listener();
  }
}

export const journeyStore = new JourneyStore();

/** The whole store: the model (undefined until the first snapshot) and every operation seen. */
export function useJourneyState(): JourneyState {
  return useSyncExternalStore(journeyStore.subscribe, journeyStore.get);
}

/** The journey model, or undefined until the first snapshot arrived. */
export function useJourney() {
  return useJourneyState().snapshot?.model;
}

/** Why the first snapshot could not be fetched, if it could not. */
export function useJourneyFailure(): ContractError | undefined {
  return useSyncExternalStore(journeyStore.subscribe, journeyStore.failure);
}
