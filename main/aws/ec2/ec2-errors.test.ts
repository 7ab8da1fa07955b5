import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deniedAction, encodedAuthorizationMessage, toEc2AppError } from './ec2-errors';

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe('EC2 errors', () => {
  it.each([
    ['InsufficientInstanceCapacity', 'ec2.insufficientCapacity'],
    ['InstanceLimitExceeded', 'ec2.instanceLimit'],
    ['VcpuLimitExceeded', 'ec2.vcpuLimit'],
    ['Unsupported', 'ec2.unsupported'],
    ['AddressLimitExceeded', 'ec2.addressLimit'],
    ['InvalidKeyPair.Duplicate', 'ec2.keyPairDuplicate'],
  ])('explains %s', (name, code) => {
    expect(toEc2AppError(awsError(name))).toMatchObject({ code, params: { awsCode: name } });
  });

  it('names the denied action from a decoded authorization message', () => {
    const error = awsError('UnauthorizedOperation', 'You are not authorized. Encoded authorization failure message: AbC-123_xyz');
    expect(encodedAuthorizationMessage(error)).toBe('AbC-123_xyz');
    const decoded = JSON.stringify({ allowed: false, context: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:…' } });
    expect(deniedAction(decoded)).toBe('ec2:RunInstances');
    expect(toEc2AppError(error, { decoded })).toMatchObject({ code: 'ec2.unauthorized', params: { action: 'ec2:RunInstances' } });
    expect(deniedAction('not json')).toBeUndefined();
  });

  it('passes anything else to the shared AWS mapping', () => {
    expect(toEc2AppError(awsError('AuthFailure')).code).toBe('aws.invalidAccessKey');
  });

  it('explains a type the Free plan refuses, naming the types it allows', () => {
    const error = toEc2AppError(awsError('InvalidParameterCombination', 'The specified instance type is not eligible for Free Tier. For a list of Free Tier instance types, run describe-instance-types with the filter free-tier-eligible=true.'));
    expect(error).toMatchObject({ code: 'ec2.notFreeTierEligible', params: { awsCode: 'InvalidParameterCombination', types: 't3.micro, t3.small, t4g.micro, t4g.small, c7i-flex.large, m7i-flex.large' } });
    // Any other InvalidParameterCombination is not about the plan.
    expect(toEc2AppError(awsError('InvalidParameterCombination', 'Network interfaces and an instance-level security groups may not be specified on the same request')).code).not.toBe('ec2.notFreeTierEligible');
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
