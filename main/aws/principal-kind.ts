export type PrincipalKind = 'root' | 'iam-user' | 'assumed-role' | 'federated' | 'other';

/** aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, … */
const PARTITION = 'aws(?:-[a-z]+)*';
const ACCOUNT = '\\d{12}';

const ROOT = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:root$`);
const IAM_USER = new RegExp(`^arn:${PARTITION}:iam::${ACCOUNT}:user/.+`);
const ASSUMED_ROLE = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:assumed-role/.+`);
const FEDERATED = new RegExp(`^arn:${PARTITION}:sts::${ACCOUNT}:federated-user/.+`);

/** Classifies the caller ARN returned by STS GetCallerIdentity. */
export function principalKindOf(arn: string): PrincipalKind {
  if (ROOT.test(arn)) return 'root';
  if (IAM_USER.test(arn)) return 'iam-user';
  if (ASSUMED_ROLE.test(arn)) return 'assumed-role';
  if (FEDERATED.test(arn)) return 'federated';
  return 'other';
}
