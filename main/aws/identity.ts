import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';

import type { AwsClients } from './client-factory';
import { invalidResponseError, toAppError } from './errors';
import { principalKindOf, type PrincipalKind } from './principal-kind';

export type { PrincipalKind } from './principal-kind';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
  /** True when signed in as the account root user — Onramp should push the user to create an IAM identity. */
  isRoot: boolean;
  principalKind: PrincipalKind;
}

const GetCallerIdentityOutputSchema = z.object({
  Account: z.string().min(1),
  Arn: z.string().min(1),
  UserId: z.string().min(1),
});

/**
 * Asks STS who these credentials belong to. Works without any IAM permission.
 * Rejects with an AppError (`aws.*`) on any failure.
 */
export async function verifyIdentity(clients: Pick<AwsClients, 'sts' | 'profile'>): Promise<CallerIdentity> {
  let output: unknown;
  try {
    output = await clients.sts().send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw toAppError(error, { profile: clients.profile });
  }
  const parsed = GetCallerIdentityOutputSchema.safeParse(output);
  if (!parsed.success) throw invalidResponseError('GetCallerIdentity');
  const { Account, Arn, UserId } = parsed.data;
  const principalKind = principalKindOf(Arn);
  return { accountId: Account, arn: Arn, userId: UserId, isRoot: principalKind === 'root', principalKind };
}
