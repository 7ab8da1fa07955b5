/**
 * The group policy presets the Secure the account step offers. "EC2 only" is
 * the default: AmazonEC2FullAccess plus a small inline policy for the two
 * things the later steps read that it lacks (the Ubuntu AMI id from the public
 * SSM parameters, and decoding an authorization failure message).
 */
import { z } from 'zod';

export const policyPresetIds = ['ec2', 'ec2-route53', 'admin'] as const;
export const policyPresetId = z.enum(policyPresetIds);
export type PolicyPresetId = z.infer<typeof policyPresetId>;

export interface PolicyPreset {
  id: PolicyPresetId;
  /** Managed policy names under arn:<partition>:iam::aws:policy/. */
  managed: string[];
  inline?: { name: string; document: string };
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
    ],
  });
}

export function presetOf(id: PolicyPresetId, partition: string): PolicyPreset {
  const inline = { name: ONRAMP_INLINE_POLICY_NAME, document: inlinePolicyDocument(partition) };
  switch (id) {
    case 'ec2':
      return { id, managed: ['AmazonEC2FullAccess'], inline };
    case 'ec2-route53':
      return { id, managed: ['AmazonEC2FullAccess', 'AmazonRoute53FullAccess'], inline };
    case 'admin':
      return { id, managed: ['AdministratorAccess'] };
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
