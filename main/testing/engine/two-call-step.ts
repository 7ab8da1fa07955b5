/**
 * A fake step for the engine's tests: its operation makes two calls against an
 * in-memory "reality" (think: create a security group, then an instance), each
 * idempotent (it looks for what exists by tag first). Its check() reads that
 * reality. A gate between the two calls lets a test cancel there, or "crash"
 * (never let the run go on).
 */
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import type { OperationSpecs } from '../../../common/contract/operations';
import type { RunnableOperation } from '../../setup/operation';
import type { StepDefinition } from '../../setup/step';

export const TWO_CALLS = 'test.twoCalls';

export const twoCallRegistry = {
  [TWO_CALLS]: { input: z.object({ name: z.string().max(20) }).strict(), result: z.object({ created: z.array(z.string()) }) },
} satisfies OperationSpecs;

/** What "exists" in the fake cloud: resource name → the setup tag it carries. Survives engine restarts. */
export class Reality {
  readonly resources = new Map<string, string>();
  readonly createCalls: string[] = [];

  create(name: string, tag: string): boolean {
    if (this.resources.get(name) === tag) return false;
    this.createCalls.push(name);
    this.resources.set(name, tag);
    return true;
  }
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

function untilOpenOrAborted(g: Gate, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(new AppError('op.cancelled', 'Cancelled.'));
    signal.addEventListener('abort', () => reject(new AppError('op.cancelled', 'Cancelled.')), { once: true });
    void g.promise.then(resolve);
  });
}

export interface TwoCallOptions {
  reality: Reality;
  /** Opened by the test to let the second call happen. Default: always open. */
  between?: Gate;
  /** After both calls, before returning (a crash "between run() and check()"). */
  after?: Gate;
  /** Throws this instead of the second call. */
  failWith?: unknown;
}

export function twoCallOperation(options: TwoCallOptions): RunnableOperation {
  return {
    kind: TWO_CALLS,
    step: 'launch-server',
    async run(input, { signal, progress }) {
      const { name } = twoCallRegistry[TWO_CALLS].input.parse(input);
      const created: string[] = [];
      progress({ phase: 'test:phases.first', fraction: 0.1, message: { key: 'test:creating', values: { name: `${name}-a` } } });
      if (options.reality.create(`${name}-a`, 'setup-1')) created.push(`${name}-a`);
      if (options.between) await untilOpenOrAborted(options.between, signal);
      if (options.failWith !== undefined) throw options.failWith;
      progress({ phase: 'test:phases.second', fraction: 0.6 });
      if (options.reality.create(`${name}-b`, 'setup-1')) created.push(`${name}-b`);
      if (options.after) await options.after.promise;
      return { created };
    },
  };
}

export function twoCallStep(reality: Reality, name = 'web'): StepDefinition {
  return {
    id: 'launch-server',
    async check() {
      const missing = [`${name}-a`, `${name}-b`].filter((r) => reality.resources.get(r) !== 'setup-1');
      if (missing.length === 0) return { done: true };
      return { done: false, detail: { key: 'test:missing', values: { missing: missing.join(', ') } } };
    },
  };
}
