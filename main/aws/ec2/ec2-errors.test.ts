import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { deniedAction, encodedAuthorizationMessage, toEc2Error } from './ec2-errors';

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe('EC2 errors', () => {
  it.each([
    ['InsufficientInstanceCapacity', 'ec2.insufficientCapacity'],
    ['InstanceLimitExceeded', 'ec2.instanceLimit'],
    ['VcpuLimitExceeded', 'ec2.vcpuLimit'],
    ['Unsupported', 'ec2.unsupported'],
    ['AddressLimitExceeded', 'ec2.addressLimit'],
    ['InvalidKeyPair.Duplicate', 'ec2.keyPairDuplicate'],
  ])('explains %s', async (name, code) => {
    await expect(toEc2Error(awsError(name))).resolves.toMatchObject({ code, params: { awsCode: name } });
  });

  it('names the denied action from a decoded authorization message', async () => {
    const error = awsError('UnauthorizedOperation', 'You are not authorized. Encoded authorization failure message: AbC-123_xyz');
    expect(encodedAuthorizationMessage(error)).toBe('AbC-123_xyz');
    const decoded = JSON.stringify({ allowed: false, context: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:…' } });
    expect(deniedAction(decoded)).toBe('ec2:RunInstances');
    const sent: unknown[] = [];
    const sts = { send: (command: unknown) => (sent.push(command), Promise.resolve({ DecodedMessage: decoded })) } as unknown as STSClient;
    const explained = await toEc2Error(error, { sts });
    expect(explained).toMatchObject({ code: 'ec2.unauthorized', params: { action: 'ec2:RunInstances' } });
    expect(explained.cause).toBe(error);
    expect(sent).toHaveLength(1);
    await expect(toEc2Error(error)).resolves.toMatchObject({ code: 'ec2.unauthorized', params: { action: 'ec2:*' } });
    expect(deniedAction('not json')).toBeUndefined();
  });

  it('passes anything else to the shared AWS mapping', async () => {
    expect((await toEc2Error(awsError('AuthFailure'))).code).toBe('aws.invalidAccessKey');
  });

  it('explains a type the Free plan refuses, naming the types it allows', async () => {
    const error = await toEc2Error(awsError('InvalidParameterCombination', 'The specified instance type is not eligible for Free Tier. For a list of Free Tier instance types, run describe-instance-types with the filter free-tier-eligible=true.'));
    expect(error).toMatchObject({ code: 'ec2.notFreeTierEligible', params: { awsCode: 'InvalidParameterCombination', types: 't3.micro, t3.small, t4g.micro, t4g.small, c7i-flex.large, m7i-flex.large' } });
    // Any other InvalidParameterCombination is not about the plan.
    expect((await toEc2Error(awsError('InvalidParameterCombination', 'Network interfaces and an instance-level security groups may not be specified on the same request'))).code).not.toBe('ec2.notFreeTierEligible');
  });

  it('explains the Free-plan refusal with its fix in both languages', () => {
    const load = (language: string): Record<string, string> => {
      const file = join(__dirname, '..', '..', '..', 'renderer', 'i18n', 'locales', language, 'ec2.json');
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return (parsed as { errors: Record<string, string> }).errors;
    };
    const errors = { en: load('en'), ko: load('ko') };
    expect(errors.en['notFreeTierEligible']).toContain('{{types}}');
    expect(errors.en['notFreeTierEligible']).toMatch(/upgrade/i);
    expect(errors.ko['notFreeTierEligible']).toContain('{{types}}');
    expect(errors.ko['notFreeTierEligible']).toContain('업그레이드');
  });
});
