/** The test-only policy evaluator: it must refuse as readily as it allows. */
import { describe, expect, it } from 'vitest';
import { allows, evaluate } from './policy-evaluator';

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    { Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' },
    { Effect: 'Allow', Action: 'ec2:StopInstances', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringEquals: { 'aws:ResourceTag/team': ['a', 'b'] } } },
    { Effect: 'Deny', Action: 'ec2:DescribeRegions', Resource: '*' },
  ],
});

describe('evaluate', () => {
  it('matches actions case-insensitively with wildcards, and lets an explicit deny win', () => {
    expect(evaluate(policy, { action: 'ec2:describeinstances', resource: '*' })).toBe('allowed');
    expect(evaluate(policy, { action: 'ec2:DescribeRegions', resource: '*' })).toBe('explicit-deny');
    expect(evaluate(policy, { action: 'ec2:RunInstances', resource: '*' })).toBe('implicit-deny');
  });

  it('substitutes ${aws:username}, and a caller without one matches nothing', () => {
    expect(allows(policy, [{ action: 'iam:GetUser', resource: 'arn:aws:iam::1:user/dev', userName: 'dev' }])).toBe(true);
    expect(allows(policy, [{ action: 'iam:GetUser', resource: 'arn:aws:iam::1:user/root', userName: 'dev' }])).toBe(false);
    expect(allows(policy, [{ action: 'iam:GetUser', resource: 'arn:aws:iam::1:user/dev' }])).toBe(false);
  });

  it('checks tag conditions (any listed value), and every resource of a call', () => {
    const stop = (team?: string) => ({ action: 'ec2:StopInstances', resource: 'arn:aws:ec2:r:1:instance/i-1', ...(team ? { resourceTags: { team } } : {}) });
    expect(allows(policy, [stop('b')])).toBe(true);
    expect(allows(policy, [stop('c')])).toBe(false);
    expect(allows(policy, [stop()])).toBe(false);
    expect(allows(policy, [stop('a'), stop('c')])).toBe(false);
    expect(allows(policy, [])).toBe(false);
  });

  it('throws on a condition operator it does not know, rather than guessing', () => {
    const odd = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '1.2.3.4/32' } } }] });
    expect(() => evaluate(odd, { action: 'ec2:RunInstances', resource: '*' })).toThrow(/IpAddress/);
  });
});
