/**
 * The CloudShell block, run by real bash against a stand-in `aws` CLI on PATH
 * that logs its arguments and answers create-access-key as the real CLI does
 * with `--output text`; what the block prints must import into the vault.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importCsv } from '../../vault/import/csv-import';
import { cloudShellScript } from './cloudshell-script';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const FAKE_AWS = `#!/bin/bash
echo "$*" >> "$AWS_LOG"
case "$1 $2" in
  "sts get-caller-identity") echo "arn:aws:iam::123456789012:root" ;;
  "iam get-group"|"iam get-user") exit 254 ;;
  "iam create-access-key") printf '${KEY_ID}\\t${SECRET}\\n' ;;
esac
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'onramp-cloudshell-'));
  writeFileSync(path.join(dir, 'aws'), FAKE_AWS);
  chmodSync(path.join(dir, 'aws'), 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string): { stdout: string; calls: string[] } {
  const log = path.join(dir, 'calls.log');
  const stdout = execFileSync('bash', ['-c', script], { env: { PATH: `${dir}:/usr/bin:/bin`, AWS_LOG: log }, encoding: 'utf8' });
  return { stdout, calls: readFileSync(log, 'utf8').trim().split('\n') };
}

describe('cloudShellScript', () => {
  it('prints the new key as the console CSV, which the vault import reads back exactly', () => {
    const { stdout } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2', setupId: '0b6c3c51-6d55-4d43-9b2c-0a4f0a0a0a0a' }));

    expect(stdout).toBe(`Access key ID,Secret access key\n${KEY_ID},${SECRET}\n`);
    const imported = importCsv(stdout, 'dev_accessKeys.csv');
    expect(imported.layout).toBe('access-key');
    expect(imported.drafts).toEqual([expect.objectContaining({ kind: 'aws-access-key', secret: { accessKeyId: KEY_ID, secretAccessKey: SECRET } })]);
  });

  it('makes the group with the preset, the tagged user and the membership, in the caller partition', () => {
    const { calls } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2', setupId: 'setup-1' }));

    expect(calls).toContain('iam create-group --group-name onramp');
    expect(calls).toContain('iam attach-group-policy --group-name onramp --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess');
    const put = calls.find((call) => call.startsWith('iam put-group-policy')) ?? '';
    const document = JSON.parse(put.slice(put.indexOf('{'))) as { Statement: { Resource: string }[] };
    expect(document.Statement[0]?.Resource).toBe('arn:aws:ssm:*::parameter/aws/service/canonical/*');
    expect(calls).toContain('iam create-user --user-name dev --tags Key=onramp:setup,Value=setup-1');
    expect(calls).toContain('iam add-user-to-group --user-name dev --group-name onramp');
  });

  it('the Administrator preset attaches AdministratorAccess and no inline policy', () => {
    const { calls } = run(cloudShellScript({ userName: 'dev', groupName: 'admins', preset: 'admin', setupId: 'setup-1' }));
    expect(calls).toContain('iam attach-group-policy --group-name admins --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    expect(calls.some((call) => call.startsWith('iam put-group-policy'))).toBe(false);
  });
});
