/**
 * The one shape every capability gives the composition root: its steps, its
 * operations, the handlers of its channel prefix, and how to stop. The root
 * loops over a list of them (main/composition.ts); a capability may also hand
 * out narrow services to another (ssh's session manager to the server steps).
 */
import type { Handlers } from '../../common/contract/types';
import type { RunnableOperation } from './operation';
import type { StepDefinition } from './step';

export interface Capability<H extends Partial<Handlers> = Partial<Handlers>> {
  steps: readonly StepDefinition[];
  operations: readonly RunnableOperation[];
  handlers: H;
  dispose(): Promise<void> | void;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every capability's handlers in one map; typed as the intersection, so a missing channel still does not compile. */
export function mergeHandlers<const L extends readonly Capability[]>(capabilities: L): UnionToIntersection<L[number]['handlers']> {
  const merged: Partial<Handlers> = {};
  for (const capability of capabilities) Object.assign(merged, capability.handlers);
  return merged as UnionToIntersection<L[number]['handlers']>;
}
