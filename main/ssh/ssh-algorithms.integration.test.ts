/**
 * What Onramp negotiates with a REAL OpenSSH 9.2 server (ssh2's `handshake`
 * event through connectSsh), pinned or not, and that servers offering only
 * SHA-1 host-key signatures or SHA-1 MACs are refused.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NegotiatedAlgorithms } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../common/errors';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { HostKeyPolicy } from './host-key-policy';
import { HostKeyPrompts } from './host-key-prompts';
import { KnownHosts } from './known-hosts';
import { COMPRESSION_ALGORITHMS, sshAlgorithms } from './ssh-algorithms';
import { connectSsh } from './ssh-connect';

type Outcome = { negotiated: NegotiatedAlgorithms; prompts: number } | { code: string; prompts: number };

/** Connects as the product does; `pin` writes that fixture host key to known_hosts first; a host key question is accepted. */
async function handshake(sshd: SshdFixture, pin?: 'ed25519' | 'rsa'): Promise<Outcome> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-ssh-algorithms-'));
  const knownHosts = KnownHosts.inDataDir(dataDir);
  if (pin) {
    const [type, base64] = sshd.hostKeys[pin].publicLine.split(' ');
    await fs.writeFile(knownHosts.filePath, `[${sshd.host}]:${sshd.port} ${type} ${base64}\n`);
  }
  let asked = 0;
  const prompts: HostKeyPrompts = new HostKeyPrompts(
    {
      hostKeyPrompt: (prompt) => {
        asked++;
        prompts.answer(prompt.promptId, true);
      },
      hostKeyPromptCancelled: () => undefined,
    },
    10_000,
  );
  let negotiated: NegotiatedAlgorithms | undefined;
  try {
    const client = await connectSsh(
      { host: sshd.host, port: sshd.port, user: sshd.user, keyId: 'ed25519' },
      {
        getPrivateKey: async () => sshd.keys.ed25519.privateKey,
        policy: new HostKeyPolicy({ knownHosts, prompts }),
        timing: { connectTimeoutMs: 20_000, keepaliveIntervalMs: 15_000, keepaliveCountMax: 3 },
        onHandshake: (n) => (negotiated = n),
      },
    );
    client.end();
    if (!negotiated) throw new Error('no handshake event');
    return { negotiated, prompts: asked };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, prompts: asked };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function negotiatedOf(outcome: Outcome): NegotiatedAlgorithms {
  if (!('negotiated' in outcome)) throw new Error(`refused: ${outcome.code}`);
  return outcome.negotiated;
}

const SHA1 = /sha1|^ssh-rsa$/;

describe('SSH algorithms against a real sshd', () => {
  let standard: SshdFixture;
  let ctrOnly: SshdFixture;
  let rsaSha1Only: SshdFixture;
  let macSha1Only: SshdFixture;
  beforeAll(async () => {
    [standard, ctrOnly, rsaSha1Only, macSha1Only] = await Promise.all([
      startSshd(),
      // A non-AEAD cipher makes the MAC count, so the MAC choice is visible.
      startSshd({ extraConfig: ['Ciphers aes128-ctr', 'Compression yes'] }),
      startSshd({ extraConfig: ['HostKeyAlgorithms ssh-rsa'] }),
      startSshd({ extraConfig: ['Ciphers aes128-ctr', 'MACs hmac-sha1,hmac-sha1-etm@openssh.com'] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([standard, ctrOnly, rsaSha1Only, macSha1Only].map((sshd) => sshd?.stop()));
  });

  it('offers no ssh-rsa, no hmac-sha1 and no compression', () => {
    const offered = sshAlgorithms();
    expect(offered.serverHostKey).toEqual(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256']);
    expect(offered.hmac).toEqual(['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512']);
    expect(offered.compress).toEqual(['none']);
    expect(COMPRESSION_ALGORITHMS).not.toContain('zlib');
    expect(sshAlgorithms(['rsa-sha2-512', 'ssh-rsa']).serverHostKey).toEqual(['rsa-sha2-512']);
  });

  it('not pinned: asks once, then negotiates Ed25519, an AEAD cipher, no SHA-1 and no compression', async () => {
    const outcome = await handshake(standard);
    const negotiated = negotiatedOf(outcome);
    expect(outcome.prompts).toBe(1);
    expect(negotiated.kex).toMatch(/^(curve25519-sha256(@libssh\.org)?|ecdh-sha2-nistp\d+)$/);
    expect(negotiated.serverHostKey).toBe('ssh-ed25519');
    for (const direction of [negotiated.cs, negotiated.sc]) {
      expect(direction.cipher).toMatch(/gcm|chacha20-poly1305/);
      expect(direction.mac).not.toMatch(SHA1);
      expect(direction.compress).toBe('none');
    }
  });

  it('pinned RSA host key: verified with rsa-sha2-512, never ssh-rsa', async () => {
    const outcome = await handshake(standard, 'rsa');
    expect(outcome.prompts).toBe(0);
    expect(negotiatedOf(outcome).serverHostKey).toBe('rsa-sha2-512');
  });

  it('with a non-AEAD cipher the MAC is HMAC-SHA2 (etm), and compression stays off though the server allows it', async () => {
    for (const pin of [undefined, 'ed25519'] as const) {
      const negotiated = negotiatedOf(await handshake(ctrOnly, pin));
      expect(negotiated.cs).toMatchObject({ cipher: 'aes128-ctr', mac: 'hmac-sha2-256-etm@openssh.com', compress: 'none' });
      expect(negotiated.sc).toMatchObject({ cipher: 'aes128-ctr', mac: 'hmac-sha2-256-etm@openssh.com', compress: 'none' });
    }
  });

  it('a server that signs host keys only with ssh-rsa (SHA-1) is refused, pinned or not', async () => {
    expect(await handshake(rsaSha1Only)).toEqual({ code: 'ssh.noCommonAlgorithm', prompts: 0 });
    expect(await handshake(rsaSha1Only, 'rsa')).toEqual({ code: 'ssh.noCommonAlgorithm', prompts: 0 });
  });

  it('a server whose only MACs are hmac-sha1 is refused, pinned or not', async () => {
    expect(await handshake(macSha1Only)).toEqual({ code: 'ssh.noCommonAlgorithm', prompts: 0 });
    expect(await handshake(macSha1Only, 'ed25519')).toEqual({ code: 'ssh.noCommonAlgorithm', prompts: 0 });
  });
});
