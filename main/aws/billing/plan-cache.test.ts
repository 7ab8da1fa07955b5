import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../client-factory';
import type { VerifiedConnection } from '../aws-connection';
import { accountPlanOf } from './plan-cache';
import type { GetAccountPlanStateOutput } from './free-tier-client';

function connectionAnswering(answers: (GetAccountPlanStateOutput | Error)[]): { connection: VerifiedConnection; calls: () => number } {
  let calls = 0;
  const client = {
    send: () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? {});
    },
  };
  const clients = { get: () => client } as unknown as AwsClients;
  const connection = { clients, region: 'us-east-1', source: { kind: 'default' }, identity: { accountId: '123456789012', arn: 'a', userId: 'u', isRoot: false, principalKind: 'iam-user' } } as unknown as VerifiedConnection;
  return { connection, calls: () => calls };
}

describe('the plan of a connection', () => {
  it('is read once for a few minutes, then again', async () => {
    let clock = 0;
    const { connection, calls } = connectionAnswering([{ accountPlanType: 'PAID' }]);
    expect(await accountPlanOf(connection, () => clock)).toEqual({ state: 'paid' });
    clock += 60_000;
    await accountPlanOf(connection, () => clock);
    expect(calls()).toBe(1);
    clock += 5 * 60_000;
    await accountPlanOf(connection, () => clock);
    expect(calls()).toBe(2);
  });

  it('asks again sooner when it was unknown', async () => {
    let clock = 0;
    const { connection, calls } = connectionAnswering([Object.assign(new Error('down'), { code: 'ECONNREFUSED' }), { accountPlanType: 'FREE', accountPlanStatus: 'ACTIVE' }]);
    expect(await accountPlanOf(connection, () => clock)).toEqual({ state: 'unknown', reason: 'unavailable' });
    clock += 31_000;
    expect(await accountPlanOf(connection, () => clock)).toEqual({ state: 'free', status: 'active' });
    expect(calls()).toBe(2);
  });
});
