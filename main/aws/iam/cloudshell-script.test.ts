/**
 * The CloudShell block, run by real bash against a stand-in `aws` CLI on PATH
 * that logs its arguments and answers create-access-key as the real CLI does
 * with `--output text`; what the block prints must import into the vault.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
  "iam get-group") [ -n "$GROUP_EXISTS" ] || exit 254 ;;
  "iam get-user") [ -n "$USER_TAG" ] || exit 254 ;;
  "iam list-user-tags") [ "$USER_TAG" = none ] && echo "" || echo "$USER_TAG" ;;
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

function run(script: string, world: { GROUP_EXISTS?: string; USER_TAG?: string } = {}): { stdout: string; calls: string[] } {
  const log = path.join(dir, 'calls.log');
  const stdout = execFileSync('bash', ['-c', script], { env: { PATH: `${dir}:/usr/bin:/bin`, AWS_LOG: log, ...world }, encoding: 'utf8' });
  return { stdout, calls: readFileSync(log, 'utf8').trim().split('\n') };
}

/** Runs a block that must stop: its message and the calls it made. */
function refused(script: string, world: { GROUP_EXISTS?: string; USER_TAG?: string }): { stderr: string; calls: string[] } {
  const log = path.join(dir, 'calls.log');
  const out = spawnSync('bash', ['-c', script], { env: { PATH: `${dir}:/usr/bin:/bin`, AWS_LOG: log, ...world }, encoding: 'utf8' });
  expect(out.status).toBe(1);
  return { stderr: out.stderr, calls: readFileSync(log, 'utf8').trim().split('\n') };
}

describe('cloudShellScript', () => {
  it('prints the new key as the console CSV, which the vault import reads back exactly', () => {
    const { stdout } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2', setupId: '0b6c3c51-6d55-4d43-9b2c-0a4f0a0a0a0a' }));

    expect(stdout).toBe(`Access key ID,Secret access key\n${KEY_ID},${SECRET}\n`);
    const imported = importCsv(stdout, 'dev_accessKeys.csv');
    expect(imported.layout).toBe('access-key');
    expect(imported.drafts).toEqual([expect.objectContaining({ kind: 'aws-access-key', secret: { accessKeyId: KEY_ID, secretAccessKey: SECRET } })]);
  });

  it('makes the group with the least-privilege policy, the tagged user and the membership, in the caller partition', () => {
    const { calls } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2', setupId: 'setup-1' }));

    expect(calls).toContain('iam create-group --group-name onramp');
    expect(calls.some((call) => call.startsWith('iam attach-group-policy'))).toBe(false);
    const put = calls.find((call) => call.startsWith('iam put-group-policy')) ?? '';
    expect(put).toContain('--policy-name onramp-least-privilege');
    const document = JSON.parse(put.slice(put.indexOf('{'))) as { Statement: { Sid: string; Resource: string | string[] }[] };
    expect(document.Statement.find((s) => s.Sid === 'UbuntuImageIds')?.Resource).toBe('arn:aws:ssm:*::parameter/aws/service/canonical/*');
    expect(JSON.stringify(document)).not.toContain('PARTITION');
    expect(document.Statement.find((s) => s.Sid === 'OwnUserReads')?.Resource).toBe('arn:aws:iam::*:user/${aws:username}');
    expect(calls).toContain('iam create-user --user-name dev --tags Key=onramp:setup,Value=setup-1');
    expect(calls).toContain('iam add-user-to-group --user-name dev --group-name onramp');
  });

  it('EC2 (full access) attaches AmazonEC2FullAccess and the small inline policy', () => {
    const { calls } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2-full', setupId: 'setup-1' }));
    expect(calls).toContain('iam attach-group-policy --group-name onramp --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess');
    expect(calls.find((call) => call.startsWith('iam put-group-policy'))).toContain('--policy-name onramp-read-ami-and-decode');
  });

  it('stops before changing anything when the group exists at all', () => {
    const { stderr, calls } = refused(cloudShellScript({ userName: 'dev', groupName: 'ops', preset: 'ec2', setupId: 'setup-1' }), { GROUP_EXISTS: '1' });
    expect(stderr).toContain('an IAM group named ops already exists');
    expect(calls).toEqual(['iam get-group --group-name ops']);
  });

  it('stops before changing anything when the user exists without this setup tag, and reuses one with it', () => {
    for (const tag of ['none', 'another-setup']) {
      const { stderr, calls } = refused(cloudShellScript({ userName: 'alice-admin', groupName: 'onramp', preset: 'ec2', setupId: 'setup-1' }), { USER_TAG: tag });
      expect(stderr).toContain('an IAM user named alice-admin already exists and was not made by this setup');
      expect(calls.filter((call) => /^iam (create|attach|put|add-user)/.test(call))).toEqual([]);
      rmSync(path.join(dir, 'calls.log'));
    }
    const { calls, stdout } = run(cloudShellScript({ userName: 'dev', groupName: 'onramp', preset: 'ec2', setupId: 'setup-1' }), { USER_TAG: 'setup-1' });
    expect(calls.some((call) => call.startsWith('iam create-user'))).toBe(false);
    expect(calls).toContain('iam add-user-to-group --user-name dev --group-name onramp');
    expect(stdout).toContain(KEY_ID);
  });

  it('the Administrator preset attaches AdministratorAccess and no inline policy', () => {
    const { calls } = run(cloudShellScript({ userName: 'dev', groupName: 'admins', preset: 'admin', setupId: 'setup-1' }));
    expect(calls).toContain('iam attach-group-policy --group-name admins --policy-arn arn:aws:iam::aws:policy/AdministratorAccess');
    expect(calls.some((call) => call.startsWith('iam put-group-policy'))).toBe(false);
  });
});
