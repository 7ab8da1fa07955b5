/**
 * The registry of operation kinds: what each takes (`input`, parsed strictly at
 * the boundary) and what it returns (`result`, parsed before it leaves main, so
 * nothing a schema does not name reaches the renderer).
 *
 * Add a kind here (`<step or capability>.<verb>`), implement it with
 * `defineOperation` in main (main/setup/operation.ts), and list it in the
 * composition root. `op.start` accepts exactly these kinds.
 */
import { z } from 'zod';
import * as iam from './schemas/iam';

interface OperationSpec {
  input: z.ZodObject;
  result: z.ZodType;
}

function operation<I extends z.ZodObject, R extends z.ZodType>(input: I, result: R) {
  return { input, result } satisfies OperationSpec;
}

export const operations = {
  /** Re-runs a step's check() (reads reality); the result is the step's new status. */
  'setup.check': operation(z.object({ step: z.string().max(64) }).strict(), z.object({ done: z.boolean() })),
  /** Secure the account: group + policy preset, tagged user, console password (→ vault), group membership. */
  'secure-account.createUser': operation(iam.createUserInput, iam.createUserResult),
  /** Secure the account: the IAM user's own access key (→ vault), the switch to it, and (optionally) the root key's deletion. */
  'secure-account.createAccessKey': operation(iam.createAccessKeyInput, iam.createAccessKeyResult),
} as const;

export type Operations = typeof operations;
export type OperationKind = keyof Operations;
export type OpInputOf<K extends OperationKind> = z.output<Operations[K]['input']>;
export type OpInputRequestOf<K extends OperationKind> = z.input<Operations[K]['input']>;
export type OpResultOf<K extends OperationKind> = z.output<Operations[K]['result']>;

export const operationKinds = Object.keys(operations) as OperationKind[];

export function isOperationKind(value: unknown): value is OperationKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(operations, value);
}

/** `op.start`'s request: a kind and its input, checked against that kind's schema. */
export const opStartRequest = z
  .object({ kind: z.string().max(96), input: z.unknown() })
  .strict()
  .superRefine((value, ctx) => {
    if (!isOperationKind(value.kind)) {
      ctx.addIssue({ code: 'custom', message: 'unknown operation kind', path: ['kind'] });
      return;
    }
    const parsed = operations[value.kind].input.safeParse(value.input);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['input', ...issue.path] } as never);
  });
