/**
 * Opens one authenticated ssh2 Client for a target: private key fetched from
 * the vault into memory only, host key checked by the policy, our own connect
 * timeout (paused while the host key decision waits), keepalive on.
 *
 * If the user accepts a host key after the server gave up waiting
 * (LoginGraceTime), the key is pinned by then and we retry once: that second
 * handshake is verified silently against the new pin.
 */
import { Client, utils, type NegotiatedAlgorithms } from 'ssh2';
import { isAppError, type AppError } from '../../common/errors';
import { connectTimeout, mapConnectError, mapPrivateKeyError, toSsh2ErrorLike, type Ssh2ErrorLike } from './connect-errors';
import type { HostKeyCheck, HostKeyDecision, HostKeyPolicy } from './host-key-policy';
import { sshAlgorithms } from './ssh-algorithms';
import { PausableTimer } from './pausable-timer';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

export interface ConnectTiming {
  /** TCP connect + handshake + auth, not counting time spent on the host key decision. */
  readonly connectTimeoutMs: number;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveCountMax: number;
}

export type PrivateKeySource = (keyId: string) => Promise<string | Buffer>;

export interface ConnectDeps {
  readonly getPrivateKey: PrivateKeySource;
  readonly policy: HostKeyPolicy;
  readonly timing: ConnectTiming;
  /** Hears what each handshake negotiated (ssh2's `handshake` event). */
  readonly onHandshake?: (negotiated: NegotiatedAlgorithms) => void;
}

type AttemptOutcome =
  | { readonly kind: 'ready'; readonly client: Client }
  | { readonly kind: 'failed'; readonly error: AppError }
  | { readonly kind: 'retry'; readonly error: AppError };

export async function connectSsh(target: SshTarget, deps: ConnectDeps): Promise<Client> {
  const privateKey = await loadPrivateKey(target.keyId, deps.getPrivateKey);
  for (let attempt = 1; ; attempt++) {
    const check = await deps.policy.prepare(target);
    const outcome = await attemptConnect(target, privateKey, check, deps);
    if (outcome.kind === 'ready') return outcome.client;
    if (outcome.kind === 'failed' || attempt >= 2) throw outcome.error;
  }
}

async function loadPrivateKey(keyId: string, getPrivateKey: PrivateKeySource): Promise<string | Buffer> {
  let key: string | Buffer;
  try {
    key = await getPrivateKey(keyId);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw sshError('ssh.keyUnavailable', 'The private key could not be read from the vault.', { keyId });
  }
  const parsed = utils.parseKey(key);
  if (parsed instanceof Error || !parsed.isPrivateKey()) throw mapPrivateKeyError(parsed, keyId);
  return key;
}

function attemptConnect(target: SshTarget, privateKey: string | Buffer, check: HostKeyCheck, deps: ConnectDeps): Promise<AttemptOutcome> {
  const { timing, onHandshake } = deps;
  return new Promise((resolve) => {
    const client = new Client();
    if (onHandshake) client.once('handshake', onHandshake);
    let decision: Promise<HostKeyDecision> | undefined;
    let settled = false;
    const timer = new PausableTimer(timing.connectTimeoutMs, () => {
      settle({ kind: 'failed', error: connectTimeout(target) });
      client.destroy();
    });
    const settle = (outcome: AttemptOutcome): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      client.removeListener('error', onError).removeListener('close', onClose);
      // Later errors belong to whoever owns the ready client; never let one crash the process.
      client.on('error', () => undefined);
      resolve(outcome);
    };
    const fail = (raw: Ssh2ErrorLike): void => {
      if (settled) return;
      if (!decision) return settle({ kind: 'failed', error: mapConnectError(raw, target) });
      void decision.then((result) => {
        if (!result.ok) settle({ kind: 'failed', error: result.error });
        else if (result.pinnedNow) settle({ kind: 'retry', error: mapConnectError(raw, target) });
        else settle({ kind: 'failed', error: mapConnectError(raw, target) });
      });
    };
    const onError = (error: Error): void => fail(toSsh2ErrorLike(error));
    const onClose = (): void => fail({ message: 'Connection closed before authentication', level: 'protocol' });
    client.on('error', onError).on('close', onClose);
    client.once('ready', () => {
      if (settled) client.end();
      else settle({ kind: 'ready', client });
    });
    try {
      client.connect({
        host: target.host,
        port: target.port,
        username: target.user,
        privateKey,
        readyTimeout: 0, // our PausableTimer replaces it
        keepaliveInterval: timing.keepaliveIntervalMs,
        keepaliveCountMax: timing.keepaliveCountMax,
        algorithms: sshAlgorithms(check.serverHostKeyAlgorithms),
        hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
          timer.pause();
          decision = check.verify(key).catch((error: unknown): HostKeyDecision => ({ ok: false, error: asAppError(error, target) }));
          void decision.then((result) => {
            timer.resume();
            verify(result.ok);
          });
        },
      });
    } catch (error) {
      settle({ kind: 'failed', error: mapPrivateKeyError(error, target.keyId) });
    }
  });
}

function asAppError(error: unknown, target: SshTarget): AppError {
  if (isAppError(error)) return error;
  return mapConnectError({ message: 'the host key check failed unexpectedly' }, target);
}
