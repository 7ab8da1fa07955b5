/**
 * The command block for AWS CloudShell (Connect AWS's recommended way in for a
 * brand-new account: run as root in the browser, so no root access key ever
 * exists). It makes the group with the policy preset, the user tagged for this
 * setup, adds the user to the group, creates the user's access key and prints
 * it as the console's CSV (`Access key ID,Secret access key`), which Onramp's
 * vault import reads. Re-running it reuses the group and user.
 *
 * Every value put in the script is one the contract validated ([\w+=,.@-] names,
 * a UUID setup id), and each is single-quoted besides.
 */
import { ONRAMP_INLINE_POLICY_NAME, inlinePolicyDocument, presetOf, type PolicyPresetId } from './policy-presets';
import { SETUP_TAG_KEY } from './user';

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

export function cloudShellScript({ userName, groupName, preset, setupId }: { userName: string; groupName: string; preset: PolicyPresetId; setupId: string }): string {
  const policy = presetOf(preset, 'aws');
  const lines = [
    'set -euo pipefail',
    `G=${quote(groupName)}; U=${quote(userName)}`,
    'P=$(aws sts get-caller-identity --query Arn --output text | cut -d: -f2)',
    'aws iam get-group --group-name "$G" >/dev/null 2>&1 || aws iam create-group --group-name "$G" >/dev/null',
    ...policy.managed.map((name) => `aws iam attach-group-policy --group-name "$G" --policy-arn "arn:$P:iam::aws:policy/${name}"`),
  ];
  if (policy.inline) {
    const document = inlinePolicyDocument('PARTITION').replace('arn:PARTITION:', "arn:'\"$P\"':");
    lines.push(`aws iam put-group-policy --group-name "$G" --policy-name ${ONRAMP_INLINE_POLICY_NAME} --policy-document '${document}'`);
  }
  lines.push(
    `aws iam get-user --user-name "$U" >/dev/null 2>&1 || aws iam create-user --user-name "$U" --tags Key=${SETUP_TAG_KEY},Value=${quote(setupId)} >/dev/null`,
    'aws iam add-user-to-group --user-name "$U" --group-name "$G"',
    `aws iam create-access-key --user-name "$U" --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text | awk 'BEGIN { print "Access key ID,Secret access key" } { print $1 "," $2 }'`,
  );
  return `${lines.join('\n')}\n`;
}
