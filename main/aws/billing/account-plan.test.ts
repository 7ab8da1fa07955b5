import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../security/external-links';
import { readAccountPlan, toPlan, UPGRADE_PLAN_URL, type PlanReader } from './account-plan';
import { FreeTierServiceError } from './free-tier-client';

const failing = (error: unknown): PlanReader => ({ send: () => Promise.reject(error) });
const answering = (out: Awaited<ReturnType<PlanReader['send']>>): PlanReader => ({ send: () => Promise.resolve(out) });

describe('the account plan', () => {
  it('reads the Free plan with its credits and end date', async () => {
    const plan = await readAccountPlan(answering({ accountPlanType: 'FREE', accountPlanStatus: 'ACTIVE', accountPlanRemainingCredits: { amount: 87.456, unit: 'USD' }, accountPlanExpirationDate: new Date('2027-03-01T00:00:00Z') }));
    expect(plan).toEqual({ state: 'free', status: 'active', creditsUsd: 87.46, endsAt: '2027-03-01T00:00:00.000Z' });
  });

  it('keeps an expired Free plan apart, and leaves out credits it cannot read', () => {
    expect(toPlan({ accountPlanType: 'FREE', accountPlanStatus: 'EXPIRED' })).toEqual({ state: 'free', status: 'expired' });
    expect(toPlan({ accountPlanType: 'FREE', accountPlanStatus: 'NOT_STARTED', accountPlanRemainingCredits: { amount: 5, unit: 'EUR' } })).toEqual({ state: 'free', status: 'notStarted' });
  });

  it('reads the paid plan', async () => {
    expect(await readAccountPlan(answering({ accountPlanType: 'PAID', accountPlanStatus: 'ACTIVE' }))).toEqual({ state: 'paid' });
  });

  it('says "unknown: denied" when the credentials may not call the API', async () => {
    expect(await readAccountPlan(failing(new FreeTierServiceError('AccessDeniedException', 'no', 400, undefined)))).toEqual({ state: 'unknown', reason: 'denied' });
    expect(await readAccountPlan(failing(Object.assign(new Error('x'), { name: 'SomethingElse', $metadata: { httpStatusCode: 403 } })))).toEqual({ state: 'unknown', reason: 'denied' });
  });

  it('says "unknown: unavailable" for an unknown operation, the network, or an answer without a plan type', async () => {
    expect(await readAccountPlan(failing(new FreeTierServiceError('UnknownOperationException', 'x', 400, undefined)))).toEqual({ state: 'unknown', reason: 'unavailable' });
    expect(await readAccountPlan(failing(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })))).toEqual({ state: 'unknown', reason: 'unavailable' });
    expect(await readAccountPlan(answering({}))).toEqual({ state: 'unknown', reason: 'unavailable' });
  });

  it('passes a cancel through instead of calling it unknown', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAccountPlan(failing(new Error('aborted')), controller.signal)).rejects.toThrow('aborted');
  });

  it('gives up on a silent endpoint after its bound and says "unknown"', async () => {
    const silent: PlanReader = {
      send: (_command, options) =>
        new Promise((_resolve, reject) => {
          options?.abortSignal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
        }),
    };
    expect(await readAccountPlan(silent, undefined, 20)).toEqual({ state: 'unknown', reason: 'unavailable' });
  });

  it('links to an upgrade page the app may open', () => {
    expect(isAllowedExternalUrl(UPGRADE_PLAN_URL)).toBe(true);
  });
});
