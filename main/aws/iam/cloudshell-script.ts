/**
 * The command block for AWS CloudShell (Connect AWS's recommended way in for a
 * brand-new account: run as root in the browser, so no root access key ever
 * exists). It makes the group with the policy preset, the user tagged for this
 * setup, adds the user to the group, creates the user's access key and prints
 * it as the console's CSV (`Access key ID,Secret access key`), which Onramp's
 * vault import reads.
 *
 * It never widens what it did not make: before anything is created it stops,
 * with a message, when the group exists at all (groups carry no tags, so the
 * script cannot tell whose it is) or when the user exists without this setup's
 * tag. A user with the tag is this setup's and is reused.
 *
 * Every value put in the script is one the contract validated ([\w+=,.@-] names,
 * a UUID setup id), and each is single-quoted besides.
 */
import { presetOf, type PolicyPresetId } from './policy-presets';
import { SETUP_TAG_KEY } from './user';

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** A policy document for single quotes, with the caller's partition spliced in at run time. */
function shellDocument(document: string): string {
  if (document.includes("'")) throw new Error('policy documents hold no single quote');
  return `'${document.replaceAll('arn:PARTITION:', `arn:'"$P"':`)}'`;
}

export function cloudShellScript({ userName, groupName, preset, setupId }: { userName: string; groupName: string; preset: PolicyPresetId; setupId: string }): string {
  const policy = presetOf(preset, 'PARTITION', setupId);
  const lines = [
    'set -euo pipefail',
    `G=${quote(groupName)}; U=${quote(userName)}; S=${quote(setupId)}`,
    'if aws iam get-group --group-name "$G" >/dev/null 2>&1; then',
    '  echo "Onramp: an IAM group named $G already exists, and this block only uses a group it creates itself. Nothing was changed. In Onramp, choose another group name and copy the new block." >&2',
    '  exit 1',
    'fi',
    'if aws iam get-user --user-name "$U" >/dev/null 2>&1; then',
    `  T=$(aws iam list-user-tags --user-name "$U" --query "Tags[?Key=='${SETUP_TAG_KEY}'].Value" --output text)`,
    '  if [ "$T" != "$S" ]; then',
    '    echo "Onramp: an IAM user named $U already exists and was not made by this setup. Nothing was changed. In Onramp, choose another user name and copy the new block." >&2',
    '    exit 1',
    '  fi',
    '  NEW_USER=0',
    'else',
    '  NEW_USER=1',
    'fi',
    'P=$(aws sts get-caller-identity --query Arn --output text | cut -d: -f2)',
    'aws iam create-group --group-name "$G" >/dev/null',
    ...policy.managed.map((name) => `aws iam attach-group-policy --group-name "$G" --policy-arn "arn:$P:iam::aws:policy/${name}"`),
    ...policy.inline.map((inline) => `aws iam put-group-policy --group-name "$G" --policy-name ${inline.name} --policy-document ${shellDocument(inline.document)}`),
    `if [ "$NEW_USER" = 1 ]; then aws iam create-user --user-name "$U" --tags Key=${SETUP_TAG_KEY},Value="$S" >/dev/null; fi`,
    'aws iam add-user-to-group --user-name "$U" --group-name "$G"',
    `aws iam create-access-key --user-name "$U" --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text | awk 'BEGIN { print "Access key ID,Secret access key" } { print $1 "," $2 }'`,
  ];
  return `${lines.join('\n')}\n`;
}
