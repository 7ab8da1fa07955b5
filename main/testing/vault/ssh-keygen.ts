/** Test helpers around the real ssh-keygen (apt openssh-client). */
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from '../child-process';

/** `SHA256:…` as ssh-keygen prints it for a public key file. */
export async function fingerprintOfPublicKeyFile(publicKeyPath: string): Promise<string> {
  const result = await run('ssh-keygen', ['-l', '-f', publicKeyPath]);
  if (result.code !== 0) throw new Error(`ssh-keygen -l failed: ${result.stderr}`);
  return result.stdout.split(' ')[1] ?? '';
}

/** ssh-keygen -y (derive the public key) on a private key; copies it to a 0600 temp file first. */
export async function sshKeygenPublicKey(privateKeyPath: string, passphrase = ''): Promise<{ code: number; publicKey: string; stderr: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-keygen-'));
  try {
    const copy = path.join(dir, 'key');
    await copyFile(privateKeyPath, copy);
    await chmod(copy, 0o600);
    const result = await run('ssh-keygen', ['-y', '-P', passphrase, '-f', copy]);
    return { code: result.code, publicKey: result.stdout.trim(), stderr: result.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The fingerprint ssh-keygen computes from a private key file (via -y, then -l). */
export async function sshKeygenFingerprint(privateKeyPath: string, passphrase = ''): Promise<string> {
  const derived = await sshKeygenPublicKey(privateKeyPath, passphrase);
  if (derived.code !== 0) throw new Error(`ssh-keygen -y failed: ${derived.stderr}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-keygen-'));
  try {
    const pub = path.join(dir, 'key.pub');
    await writeFile(pub, `${derived.publicKey}\n`);
    return await fingerprintOfPublicKeyFile(pub);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
