/**
 * The group policy presets the Secure the account step offers. "EC2 only" is
 * the default: a least-privilege policy Onramp writes (least-privilege.ts),
 * limited to the setup's tagged resources. "EC2 (full access)" is the explicit
 * broader choice: AmazonEC2FullAccess plus a small inline policy for what the
 * later steps read that it lacks (the Ubuntu AMI id from the public SSM
 * parameters, decoding an authorization failure message, and the user's own
 * IAM reads that Secure account's check makes after the switch).
 */
import { z } from 'zod';
import { policyPreset } from '../../../common/contract/schemas/iam';
import { LEAST_PRIVILEGE_POLICY_NAME, SELF_IAM_READS, leastPrivilegePolicy } from './least-privilege';

export const policyPresetId = policyPreset;
export const policyPresetIds = policyPreset.options;
export type PolicyPresetId = z.infer<typeof policyPresetId>;

export interface InlinePolicy {
  name: string;
  document: string;
}

export interface PolicyPreset {
  id: PolicyPresetId;
  /** Managed policy names under arn:<partition>:iam::aws:policy/. */
  managed: string[];
  /** Inline group policies Onramp writes. */
  inline: InlinePolicy[];
}

export const ONRAMP_INLINE_POLICY_NAME = 'onramp-read-ami-and-decode';

export function inlinePolicyDocument(partition: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadUbuntuAmiParameters',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters'],
        Resource: `arn:${partition}:ssm:*::parameter/aws/service/canonical/*`,
      },
      { Sid: 'DecodeAuthorizationMessages', Effect: 'Allow', Action: 'sts:DecodeAuthorizationMessage', Resource: '*' },
      // Secure account's own check, run with this key after the switch.
      { Sid: 'OwnUserReads', Effect: 'Allow', Action: SELF_IAM_READS, Resource: `arn:${partition}:iam::*:user/\${aws:username}` },
    ],
  });
}

export function presetOf(id: PolicyPresetId, partition: string, setupId: string): PolicyPreset {
  const small = { name: ONRAMP_INLINE_POLICY_NAME, document: inlinePolicyDocument(partition) };
  switch (id) {
    case 'ec2':
      return { id, managed: [], inline: [{ name: LEAST_PRIVILEGE_POLICY_NAME, document: leastPrivilegePolicy(partition, setupId) }] };
    case 'ec2-full':
      return { id, managed: ['AmazonEC2FullAccess'], inline: [small] };
    case 'ec2-route53':
      return { id, managed: ['AmazonEC2FullAccess', 'AmazonRoute53FullAccess'], inline: [small] };
    case 'admin':
      return { id, managed: ['AdministratorAccess'], inline: [] };
  }
}

export function managedPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

/** `arn:aws-cn:iam::…` → `aws-cn`; anything unreadable → `aws`. */
export function partitionOf(arn: string | undefined): string {
  const match = /^arn:(aws[a-z-]{0,20}):/.exec(arn ?? '');
  return match?.[1] ?? 'aws';
}
