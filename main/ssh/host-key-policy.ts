/**
 * Decides whether to trust the host key a server presents (ssh2's async
 * hostVerifier calls `verify`):
 *
 * 1. Pinned in known_hosts -> the key must be byte-identical to a pin of the
 *    same type, else `ssh.hostKeyMismatch` (no override here; the user must
 *    call `forgetHost` first). Negotiation is restricted to pinned types.
 * 2. Not pinned, console source has host keys -> a KEYS-block byte match (or
 *    a SHA256 fingerprint match) pins silently; otherwise `ssh.hostKeyNotInConsole`.
 *    Negotiation is restricted to the types the console lists.
 * 3. Not pinned, no usable console (not ready yet, bring-your-own server,
 *    error, MD5 only) -> a `hostKeyPrompt`; accepting pins the key.
 * A key marked `@revoked` for the host is always refused.
 */
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { isAppError, type AppError } from '../../common/errors';
import { consoleKeyTypes, matchConsoleHostKeys, type ConsoleHostKeys } from './console-host-keys';
import { hostKeyAlgorithmsFor, keyTypeOf, md5Fingerprint, sha256Fingerprint } from './host-key-format';
import type { HostKeyPrompts } from './host-key-prompts';
import type { HostPins, KnownHosts } from './known-hosts';
import type { HostKeyPromptReason } from './ssh-events';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

export type ConsoleLookup =
  | { readonly status: 'found'; readonly hostKeys: ConsoleHostKeys }
  /** The console exists but has no host key block yet. */
  | { readonly status: 'notReady' }
  /** This target has no console (bring-your-own server). */
  | { readonly status: 'noConsole' };

/** For EC2 targets, typically `fetchConsoleHostKeys(ec2, instanceId)` wrapped by the composition root. */
export type ConsoleHostKeysSource = (target: SshTarget) => Promise<ConsoleLookup>;

export type HostKeyDecision =
  | { readonly ok: true; readonly via: 'pinned' | 'console' | 'user'; readonly pinnedNow: boolean }
  | { readonly ok: false; readonly error: AppError };

/** One connection attempt's host key check. */
export interface HostKeyCheck {
  /** Pass as ssh2 `algorithms.serverHostKey`; undefined keeps ssh2's defaults. */
  readonly serverHostKeyAlgorithms: ServerHostKeyAlgorithm[] | undefined;
  verify(presented: Buffer): Promise<HostKeyDecision>;
}

export interface HostKeyPolicyOptions {
  readonly knownHosts: KnownHosts;
  readonly prompts: HostKeyPrompts;
  readonly consoleHostKeys?: ConsoleHostKeysSource;
}

type ConsoleState = ConsoleLookup | { readonly status: 'error' };

export class HostKeyPolicy {
  constructor(private readonly options: HostKeyPolicyOptions) {}

  async prepare(target: SshTarget): Promise<HostKeyCheck> {
    const pins = await this.options.knownHosts.lookup(target.host, target.port);
    if (pins.pinned.length > 0) {
      return {
        serverHostKeyAlgorithms: hostKeyAlgorithmsFor(pins.pinned.map((pin) => pin.keyType)),
        verify: async (presented) => revokedDecision(pins, presented) ?? comparePins(target, pins, presented),
      };
    }
    const console = await this.lookupConsole(target);
    return {
      serverHostKeyAlgorithms: console.status === 'found' ? hostKeyAlgorithmsFor(consoleKeyTypes(console.hostKeys)) : undefined,
      verify: async (presented) => revokedDecision(pins, presented) ?? this.verifyUnpinned(target, console, presented),
    };
  }

  private async lookupConsole(target: SshTarget): Promise<ConsoleState> {
    if (!this.options.consoleHostKeys) return { status: 'noConsole' };
    try {
      return await this.options.consoleHostKeys(target);
    } catch {
      return { status: 'error' };
    }
  }

  private async verifyUnpinned(target: SshTarget, console: ConsoleState, presented: Buffer): Promise<HostKeyDecision> {
    if (console.status !== 'found') {
      const reason = console.status === 'notReady' ? 'consoleNotReady' : console.status === 'error' ? 'consoleError' : 'noConsole';
      return this.askUser(target, presented, reason);
    }
    const match = matchConsoleHostKeys(console.hostKeys, presented);
    switch (match.kind) {
      case 'key':
      case 'fingerprint':
        return this.pin(target, presented, 'console');
      case 'mismatch':
        return {
          ok: false,
          error: sshError(
            'ssh.hostKeyNotInConsole',
            `The host key of ${display(target)} (${sha256Fingerprint(presented)}) is not one the instance printed to its console (${match.listed.join(', ')}).`,
            { host: display(target), presented: sha256Fingerprint(presented), listed: match.listed.join(', ') },
          ),
        };
      case 'md5Only':
        return this.askUser(target, presented, 'consoleMd5Only');
      case 'empty':
        return this.askUser(target, presented, 'noConsole');
    }
  }

  private async askUser(target: SshTarget, presented: Buffer, reason: HostKeyPromptReason): Promise<HostKeyDecision> {
    const answer = await this.options.prompts.ask({
      host: target.host,
      port: target.port,
      keyType: keyTypeOf(presented) ?? 'unknown',
      fingerprint: sha256Fingerprint(presented),
      ...(reason === 'consoleMd5Only' ? { md5Fingerprint: md5Fingerprint(presented) } : {}),
      reason,
    });
    const params = { host: display(target), presented: sha256Fingerprint(presented) };
    switch (answer) {
      case 'accepted':
        return this.pin(target, presented, 'user');
      case 'rejected':
        return { ok: false, error: sshError('ssh.hostKeyRejected', `The host key of ${params.host} was not trusted.`, params) };
      case 'timedOut':
        return { ok: false, error: sshError('ssh.hostKeyPromptTimeout', `No answer about the host key of ${params.host}.`, params) };
      case 'cancelled':
        return { ok: false, error: sshError('ssh.managerDisposed', 'SSH was shut down while a host key question was open.') };
    }
  }

  private async pin(target: SshTarget, presented: Buffer, via: 'console' | 'user'): Promise<HostKeyDecision> {
    try {
      await this.options.knownHosts.pin(target.host, target.port, presented);
      return { ok: true, via, pinnedNow: true };
    } catch (error) {
      return { ok: false, error: asAppError(error, this.options.knownHosts.filePath) };
    }
  }
}

function comparePins(target: SshTarget, pins: HostPins, presented: Buffer): HostKeyDecision {
  if (pins.pinned.some((pin) => pin.key.equals(presented))) return { ok: true, via: 'pinned', pinnedNow: false };
  const presentedType = keyTypeOf(presented);
  const sameType = pins.pinned.filter((pin) => pin.keyType === presentedType);
  const expected = (sameType.length > 0 ? sameType : pins.pinned).map((pin) => pin.fingerprint).join(', ');
  const presentedFingerprint = sha256Fingerprint(presented);
  return {
    ok: false,
    error: sshError(
      'ssh.hostKeyMismatch',
      `The host key of ${display(target)} changed: expected ${expected}, the server presented ${presentedFingerprint}.`,
      { host: display(target), keyType: presentedType ?? 'unknown', expected, presented: presentedFingerprint },
    ),
  };
}

function revokedDecision(pins: HostPins, presented: Buffer): HostKeyDecision | null {
  if (!pins.revoked.some((pin) => pin.key.equals(presented))) return null;
  const fingerprint = sha256Fingerprint(presented);
  return { ok: false, error: sshError('ssh.hostKeyRevoked', `Host key ${fingerprint} is marked @revoked.`, { presented: fingerprint }) };
}

function display(target: SshTarget): string {
  return target.port === 22 ? target.host : `${target.host}:${target.port}`;
}

function asAppError(error: unknown, knownHostsPath: string): AppError {
  if (isAppError(error)) return error;
  return sshError('ssh.knownHostsWriteFailed', 'Could not save the host key.', { path: knownHostsPath });
}
