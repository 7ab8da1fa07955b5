/**
 * Everything the SSH layer tells the outside world, through one injected sink.
 * The IPC layer forwards these to the renderer; none carries a secret.
 */

/** Why a shell session ended (also translated: `ssh:errors.<key>`). */
export type SshClosedReason =
  /** The remote shell exited (`exit`, Ctrl-D) on a healthy connection. */
  | 'ssh.shellExited'
  /** The connection dropped: server gone, network lost, keepalive timeout. */
  | 'ssh.connectionLost'
  /** `close(sessionId)` was called. */
  | 'ssh.closedByUser';

/**
 * Why the user is asked to confirm a host key instead of it being verified:
 * - consoleNotReady: EC2 console output has no host key block yet (first minutes after boot);
 * - noConsole: bring-your-own server, there is no console to check against;
 * - consoleError: reading the console output failed (network, permissions);
 * - consoleMd5Only: the console only lists old MD5 fingerprints, too weak to trust automatically.
 */
export type HostKeyPromptReason = 'consoleNotReady' | 'noConsole' | 'consoleError' | 'consoleMd5Only';

export interface HostKeyPrompt {
  readonly promptId: string;
  readonly host: string;
  readonly port: number;
  /** The negotiated key's type as named inside the key: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`. */
  readonly keyType: string;
  /** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints. */
  readonly fingerprint: string;
  /** `MD5:aa:bb:…`, only for reason `consoleMd5Only` so the user can compare by eye. */
  readonly md5Fingerprint?: string;
  readonly reason: HostKeyPromptReason;
}

export interface SshEvents {
  /** Shell output, UTF-8 decoded, batched (~16 ms / 64 K). Acknowledge with `ack(sessionId, text.length)`. */
  data(sessionId: string, text: string): void;
  /** The session's channel is gone. Scrollback stays in the UI; `reconnect(sessionId)` reopens it. */
  closed(sessionId: string, reason: SshClosedReason): void;
  /** Answer with `answerHostKey(promptId, accept)`. The connect call waits meanwhile. */
  hostKeyPrompt(prompt: HostKeyPrompt): void;
  /** A prompt will never be answered usefully any more (timed out or the manager was disposed). */
  hostKeyPromptCancelled(promptId: string): void;
}
