import { GetConsoleOutputCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../common/errors';
import {
  consoleKeyTypes,
  fetchConsoleHostKeys,
  matchConsoleHostKeys,
  parseConsoleHostKeys,
  stripConsolePrefix,
} from './console-host-keys';
import { decodeKeyBlob } from './host-key-format';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const publicKey = (name: string) => {
  const [type = '', base64 = ''] = fixture(name).trim().split(' ');
  const blob = decodeKeyBlob(type, base64);
  if (!blob) throw new Error(`bad fixture key ${name}`);
  return blob;
};
const ED25519 = publicKey('host_ed25519.pub');
const RSA = publicKey('host_rsa.pub');
const ECDSA = publicKey('host_ecdsa.pub');
const EXPECTED_FINGERPRINTS = [
  'SHA256:7XrilnjIWLhaL6Qmvzlg4t2cRzrlLCd40+WUP3fCbro',
  'SHA256:Hm+nBPgpvAKwnGfixsN3L6xPb6/3fXLHPnX0dAs5/0g',
  'SHA256:bhBWFrkGNMwAxn+nWFVkNGbnzIV8ija/hspV8R3IpgU',
];

describe('stripConsolePrefix', () => {
  it.each([
    ['<14>Nov 27 04:00:09 ec2: 256 SHA256:x', '256 SHA256:x'],
    ['<14>Nov  7 04:00:09 ec2: text', 'text'],
    ['ec2: text', 'text'],
    ['[   11.512559] ec2[1402]: text', 'text'],
    ['[   11.534980] cloud-init[1034]: ssh-ed25519 AAAA', 'ssh-ed25519 AAAA'],
    ['[ 1234.5] text\r', 'text'],
    ['-----BEGIN SSH HOST KEY KEYS-----', '-----BEGIN SSH HOST KEY KEYS-----'],
  ])('%j -> %j', (line, expected) => {
    expect(stripConsolePrefix(line)).toBe(expected);
  });
});

describe('parseConsoleHostKeys on cloud-init console output', () => {
  it.each(['console-ubuntu-2404-syslog.txt', 'console-ec2-tag-only.txt', 'console-kernel-time-journal.txt'])(
    '%s: three SHA256 fingerprints and three byte-exact keys',
    (name) => {
      const parsed = parseConsoleHostKeys(fixture(name));
      expect(parsed?.fingerprints.map((f) => f.fingerprint)).toEqual(EXPECTED_FINGERPRINTS);
      expect(parsed?.fingerprints.map((f) => [f.bits, f.keyType, f.algorithm, f.comment])).toEqual([
        [256, 'ECDSA', 'SHA256', 'root@ip-172-31-5-6'],
        [256, 'ED25519', 'SHA256', 'root@ip-172-31-5-6'],
        [3072, 'RSA', 'SHA256', 'root@ip-172-31-5-6'],
      ]);
      expect(parsed?.keys.map((k) => k.keyType)).toEqual(['ecdsa-sha2-nistp256', 'ssh-ed25519', 'ssh-rsa']);
      expect(parsed?.keys[1]?.key.equals(ED25519)).toBe(true);
      expect(parsed?.keys[2]?.key.equals(RSA)).toBe(true);
    },
  );

  it('tolerates CRLF line endings as the serial console often has', () => {
    const parsed = parseConsoleHostKeys(fixture('console-ec2-tag-only.txt').replace(/\n/g, '\r\n'));
    expect(parsed?.keys).toHaveLength(3);
    expect(parsed?.fingerprints).toHaveLength(3);
  });

  it('recognises the old MD5 form (no KEYS block)', () => {
    const parsed = parseConsoleHostKeys(fixture('console-legacy-md5.txt'));
    expect(parsed?.keys).toEqual([]);
    expect(parsed?.fingerprints.map((f) => [f.algorithm, f.fingerprint, f.keyType, f.comment])).toEqual([
      ['MD5', 'MD5:01:cc:b9:13:41:35:cf:02:89:70:42:f9:19:83:84:62', 'ECDSA', 'root@ip-172-31-5-6'],
      ['MD5', 'MD5:5f:2a:80:d7:d9:c0:9a:c7:ea:fd:25:8e:cf:e4:be:3c', 'RSA', 'root@ip-172-31-5-6'],
    ]);
  });

  it('returns null while the blocks are missing or incomplete (still booting)', () => {
    expect(parseConsoleHostKeys(fixture('console-still-booting.txt'))).toBeNull();
    expect(parseConsoleHostKeys('')).toBeNull();
  });

  it('uses the newest boot when the output holds several', () => {
    const oldBoot = fixture('console-ec2-tag-only.txt').replace(/AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/]+/, 'AAAAC3NzaC1lZDI1NTE5AAAAIBROKEN');
    const parsed = parseConsoleHostKeys(oldBoot + fixture('console-ubuntu-2404-syslog.txt'));
    expect(parsed?.keys.some((k) => k.key.equals(ED25519))).toBe(true);
  });

  it('skips key lines whose blob does not match the declared type', () => {
    const text = ['-----BEGIN SSH HOST KEY KEYS-----', `ssh-rsa ${ED25519.toString('base64')} forged`, '-----END SSH HOST KEY KEYS-----'].join('\n');
    expect(parseConsoleHostKeys(text)?.keys).toEqual([]);
  });
});

describe('matchConsoleHostKeys', () => {
  const full = parseConsoleHostKeys(fixture('console-ubuntu-2404-syslog.txt'));
  if (!full) throw new Error('fixture did not parse');

  it('prefers a byte match in the KEYS block', () => {
    expect(matchConsoleHostKeys(full, ED25519)).toEqual({ kind: 'key' });
  });

  it('accepts a SHA256 fingerprint match when the key itself is not listed', () => {
    expect(matchConsoleHostKeys({ ...full, keys: [] }, RSA)).toEqual({ kind: 'fingerprint' });
  });

  it('reports a mismatch with what the console listed', () => {
    const onlyRsa = { fingerprints: full.fingerprints.filter((f) => f.keyType === 'RSA'), keys: full.keys.filter((k) => k.keyType === 'ssh-rsa') };
    expect(matchConsoleHostKeys(onlyRsa, ED25519)).toEqual({ kind: 'mismatch', listed: [EXPECTED_FINGERPRINTS[2]] });
  });

  it('never trusts MD5 alone', () => {
    const legacy = parseConsoleHostKeys(fixture('console-legacy-md5.txt'));
    if (!legacy) throw new Error('fixture did not parse');
    expect(matchConsoleHostKeys(legacy, ECDSA)).toEqual({ kind: 'md5Only' });
  });

  it('lists the key types to negotiate', () => {
    expect(consoleKeyTypes(full).sort()).toEqual(['ecdsa-sha2-nistp256', 'ssh-ed25519', 'ssh-rsa']);
  });
});

describe('fetchConsoleHostKeys', () => {
  const ec2Mock = mockClient(EC2Client);
  afterEach(() => ec2Mock.reset());
  const ec2 = new EC2Client({ region: 'ap-northeast-2' });
  const encoded = Buffer.from(fixture('console-ubuntu-2404-syslog.txt')).toString('base64');

  it('asks for the latest output and decodes the base64 text', async () => {
    ec2Mock.on(GetConsoleOutputCommand).resolves({ InstanceId: 'i-0abc', Output: encoded });
    const keys = await fetchConsoleHostKeys(ec2, 'i-0abc');
    expect(keys?.keys).toHaveLength(3);
    expect(ec2Mock.commandCalls(GetConsoleOutputCommand)[0]?.args[0].input).toEqual({ InstanceId: 'i-0abc', Latest: true });
  });

  it('returns null when the console is still empty', async () => {
    ec2Mock.on(GetConsoleOutputCommand).resolves({ InstanceId: 'i-0abc' });
    expect(await fetchConsoleHostKeys(ec2, 'i-0abc')).toBeNull();
  });

  it('falls back to the buffered output when Latest is unsupported (Xen instance types)', async () => {
    const unsupported = Object.assign(new Error('not supported'), { name: 'UnsupportedOperation' });
    ec2Mock.on(GetConsoleOutputCommand, { InstanceId: 'i-0abc', Latest: true }).rejects(unsupported);
    ec2Mock.on(GetConsoleOutputCommand, { InstanceId: 'i-0abc' }).resolves({ Output: encoded });
    expect((await fetchConsoleHostKeys(ec2, 'i-0abc'))?.keys).toHaveLength(3);
  });

  it('maps AWS failures to ssh.consoleOutputFailed with the AWS code', async () => {
    ec2Mock.on(GetConsoleOutputCommand).rejects(Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' }));
    const error = await fetchConsoleHostKeys(ec2, 'i-0abc').catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('ssh.consoleOutputFailed');
    expect(isAppError(error) && error.params).toEqual({ instanceId: 'i-0abc', awsCode: 'UnauthorizedOperation' });
  });
});
