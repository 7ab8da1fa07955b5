/**
 * The default preset's policy, written by Onramp as an inline group policy
 * (created with the group, recorded in the ledger, deleted with the group):
 *
 * - reads that AWS only grants on `*` (ec2:Describe*, Free Tier plan state);
 * - creating an instance, security group, key pair or Elastic IP only with the
 *   request tag `onramp:setup=<setupId>`, and ec2:CreateTags only as part of
 *   those calls (ec2:CreateAction);
 * - RunInstances' resources that carry no tag of ours (image, subnet, network
 *   interface, VPC…) as AWS requires, the security group and key pair only
 *   when tagged;
 * - every other change to EC2 only on resources tagged `onramp:setup=<setupId>`;
 * - the self-service IAM reads the app's own checks make, on the user itself;
 * - the Ubuntu image id from the public SSM parameters; sts:GetCallerIdentity
 *   and DecodeAuthorizationMessage;
 * - the cost guard's budget (view, modify and tag the setup's budget only:
 *   COST_GUARD_IAM_ACTIONS, kept beside the cost guard).
 *
 * main/aws/iam/least-privilege.test.ts proves it against every action the app
 * calls after the switch, with a policy evaluator (main/testing/aws/).
 */
import { ACCOUNT_PLAN_IAM_ACTIONS } from '../billing/account-plan';
import { COST_GUARD_IAM_ACTIONS } from '../billing/cost-guard';

export const LEAST_PRIVILEGE_POLICY_NAME = 'onramp-least-privilege';
export const TAG_KEY = 'onramp:setup';

/** The actions that create a resource of ours, each with the resource types it tags. */
export const TAGGED_CREATES = {
  RunInstances: ['instance', 'volume'],
  CreateSecurityGroup: ['security-group'],
  CreateKeyPair: ['key-pair'],
  AllocateAddress: ['elastic-ip'],
} as const;

/** Changes that act on one of the setup's resources: allowed only when it carries the setup's tag. */
export const TAGGED_MUTATIONS = [
  'ec2:TerminateInstances',
  'ec2:StopInstances',
  'ec2:StartInstances',
  'ec2:RebootInstances',
  'ec2:GetConsoleOutput',
  'ec2:ModifyInstanceAttribute',
  'ec2:AssociateAddress',
  'ec2:DisassociateAddress',
  'ec2:ReleaseAddress',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:AuthorizeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:ModifySecurityGroupRules',
  'ec2:DeleteSecurityGroup',
  'ec2:DeleteKeyPair',
];

/** Changes to a security group's rules: the rule resource is allowed unconditioned, the group only when tagged. */
export const SECURITY_GROUP_RULE_ACTIONS = [
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:AuthorizeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:ModifySecurityGroupRules',
];

/** What the app reads about its own user after the switch (Secure account's check, the key's rerun). */
export const SELF_IAM_READS = ['iam:GetUser', 'iam:ListGroupsForUser', 'iam:GetLoginProfile', 'iam:ListMFADevices', 'iam:ListAccessKeys'];

export function budgetNameOf(setupId: string): string {
  return `onramp-${setupId}`;
}

export function leastPrivilegePolicy(partition: string, setupId: string, budgetName = budgetNameOf(setupId)): string {
  const ec2 = (type: string) => `arn:${partition}:ec2:*:*:${type}/*`;
  const tagged = { StringEquals: { [`aws:ResourceTag/${TAG_KEY}`]: setupId } };
  const createdTypes = [...new Set(Object.values(TAGGED_CREATES).flat())];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadOnlyWhereAwsNeedsStar', Effect: 'Allow', Action: ['ec2:Describe*', ...ACCOUNT_PLAN_IAM_ACTIONS, 'iam:ListAccountAliases'], Resource: '*' },
      // One statement per create, each on the types it makes: RunInstances' request tag must not open an untagged security group.
      ...Object.entries(TAGGED_CREATES).map(([action, types]) => ({
        Sid: `${action}OnlyTagged`,
        Effect: 'Allow',
        Action: `ec2:${action}`,
        Resource: types.map(ec2),
        Condition: { StringEquals: { [`aws:RequestTag/${TAG_KEY}`]: setupId } },
      })),
      {
        Sid: 'TagOnlyWhileCreating',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: createdTypes.map(ec2),
        Condition: { StringEquals: { 'ec2:CreateAction': Object.keys(TAGGED_CREATES) } },
      },
      {
        Sid: 'UntaggableResourcesOfTheCreates',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateSecurityGroup'],
        Resource: [`arn:${partition}:ec2:*::image/*`, ec2('subnet'), ec2('network-interface'), ec2('vpc')],
      },
      { Sid: 'LaunchWithOurGroupAndKey', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: [ec2('security-group'), ec2('key-pair')], Condition: tagged },
      // network-interface: AssociateAddress may be judged on the instance's interface too; the launch tags it.
      { Sid: 'ChangeOnlyTagged', Effect: 'Allow', Action: TAGGED_MUTATIONS, Resource: ['instance', 'volume', 'network-interface', 'elastic-ip', 'security-group', 'key-pair'].map(ec2), Condition: tagged },
      // A rule carries no tag of ours; its group, which AWS always authorizes too, must.
      { Sid: 'RulesOfTaggedGroups', Effect: 'Allow', Action: SECURITY_GROUP_RULE_ACTIONS, Resource: ec2('security-group-rule') },
      { Sid: 'OwnUserReads', Effect: 'Allow', Action: SELF_IAM_READS, Resource: `arn:${partition}:iam::*:user/\${aws:username}` },
      { Sid: 'UbuntuImageIds', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'], Resource: `arn:${partition}:ssm:*::parameter/aws/service/canonical/*` },
      { Sid: 'WhoAmIAndDecode', Effect: 'Allow', Action: ['sts:GetCallerIdentity', 'sts:DecodeAuthorizationMessage'], Resource: '*' },
      { Sid: 'CostGuardBudget', Effect: 'Allow', Action: [...COST_GUARD_IAM_ACTIONS], Resource: `arn:${partition}:budgets::*:budget/${budgetName}` },
    ],
  });
}
