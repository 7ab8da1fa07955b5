/** The Connect AWS step's check and its verify operation, with STS mocked by aws-sdk-client-mock. */
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSetupState } from '../setup/state-store';
import type { SetupState } from '../../common/contract/schemas/setup';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import { AwsConnection } from './aws-connection';
import { connectAwsStep, connectAwsVerifyOperation } from './connect-aws-step';

const sts = mockClient(STSClient);
let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
  sts.reset();
});
afterEach(() => sandbox.restore());

const connection = () => new AwsConnection({ getAccessKey: async () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }) }, 'test');
const chosen = (): SetupState => ({ ...freshSetupState(), choices: { awsSource: { kind: 'vault', itemId: 'item-1' }, region: 'ap-northeast-2' } });
const signal = new AbortController().signal;

describe('the connect-aws check', () => {
  it('is not done, with the reason, until a source and a region are chosen', async () => {
    const step = connectAwsStep(connection());
    expect(await step.check({ setup: freshSetupState(), signal })).toEqual({ done: false, detail: { key: 'aws:check.noSource' } });
    const noRegion = { ...freshSetupState(), choices: { awsSource: { kind: 'default' as const } } };
    expect(await step.check({ setup: noRegion, signal })).toEqual({ done: false, detail: { key: 'aws:check.noRegion' } });
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
  });

  it('is done when the chosen credentials verify with STS, and says who they are', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice', UserId: 'AIDAEXAMPLE' });
    const result = await connectAwsStep(connection()).check({ setup: chosen(), signal });
    expect(result).toEqual({ done: true, detail: { key: 'aws:check.signedIn', values: { arn: 'arn:aws:iam::123456789012:user/alice', region: 'ap-northeast-2' } } });
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it('asks STS again on every check, reusing the live clients of the same source and region', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice', UserId: 'AIDAEXAMPLE' });
    const live = connection();
    const { clients } = await live.connect({ kind: 'vault', itemId: 'item-1' }, 'ap-northeast-2');
    const step = connectAwsStep(live);
    expect((await step.check({ setup: chosen(), signal })).done).toBe(true);
    expect(live.current()?.clients).toBe(clients);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(2);
    sts.on(GetCallerIdentityCommand).rejects(new STSServiceException({ name: 'ExpiredToken', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'expired' }));
    await expect(step.check({ setup: chosen(), signal })).rejects.toMatchObject({ code: 'aws.expiredToken' });
  });

  it('throws the translated AWS error when the key is refused (the engine shows "couldn\'t check")', async () => {
    sts.on(GetCallerIdentityCommand).rejects(new STSServiceException({ name: 'InvalidClientTokenId', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'bad' }));
    await expect(connectAwsStep(connection()).check({ setup: chosen(), signal })).rejects.toMatchObject({ code: 'aws.invalidAccessKey' });
  });

  it('the verify operation reports its phases and returns the identity (no key)', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root', UserId: '123456789012' });
    const phases: string[] = [];
    const op = connectAwsVerifyOperation(connection(), { get: async () => chosen() });
    const result = await op.run({}, { signal, progress: (u) => phases.push(u.phase) });
    expect(result).toEqual({ accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root', isRoot: true, region: 'ap-northeast-2' });
    expect(phases).toEqual(['aws:phases.verifying', 'aws:phases.verified']);
  });
});
