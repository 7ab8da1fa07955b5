/**
 * The SSH terminal's contract shapes. Requests name servers by host,
 * port, user and a vault key id; no request or response ever carries key
 * material. Terminal output travels as `ssh.data` events, acknowledged with
 * `ssh.ack` after xterm has parsed it (flow control, see main/ssh/README.md).
 */
import { z } from 'zod';
import { DEFAULT_SSH_USER, SSH_HOST_PATTERN, SSH_USER_PATTERN } from '../constants';

export { SSH_HOST_PATTERN, SSH_USER_PATTERN };

const sessionId = z.string().min(1).max(64);
const host = z.string().trim().regex(SSH_HOST_PATTERN);
const port = z.number().int().min(1).max(65535);
const user = z.string().trim().regex(SSH_USER_PATTERN);
const keyId = z.string().min(1).max(64);
const termDimension = z.number().int().min(1).max(1000);

/** A server given explicitly: the bring-your-own server of Settings, or any host with a vault key. */
export const sshServer = z.object({ host, port: port.default(22), user: user.default(DEFAULT_SSH_USER), keyId }).strict();
export type SshServer = z.output<typeof sshServer>;

/**
 * Where to connect: the guided setup's own server (its Elastic IP and the key
 * pair Onramp created, user ubuntu), the bring-your-own server saved in
 * Settings, or an explicit server.
 */
export const sshTargetRef = z.union([z.literal('setup'), z.literal('ownServer'), sshServer]);
export type SshTargetRef = z.input<typeof sshTargetRef>;

/** The resolved server as the UI may show it (no key material, just the vault item id). */
export const sshServerView = z.object({ host: z.string(), port: z.number().int(), user: z.string(), keyId: z.string() });
export type SshServerView = z.infer<typeof sshServerView>;

export const openRequest = z.object({ target: sshTargetRef, cols: termDimension, rows: termDimension }).strict();
export const openResponse = z.object({ sessionId, server: sshServerView });

/** Keyboard input or a paste; 1 MB is far above anything a person types or pastes into a shell. */
export const writeRequest = z.object({ sessionId, data: z.string().max(1024 * 1024) }).strict();
export const resizeRequest = z.object({ sessionId, cols: termDimension, rows: termDimension }).strict();
export const ackRequest = z.object({ sessionId, count: z.number().int().min(0).max(1 << 30) }).strict();
export const sessionRequest = z.object({ sessionId }).strict();
export const done = z.object({});

export const answerHostKeyRequest = z.object({ promptId: z.string().min(1).max(64), accept: z.boolean() }).strict();
export const forgetHostRequest = z.object({ host, port: port.default(22) }).strict();
export const forgetHostResponse = z.object({ removed: z.number().int() });

export const runInTerminalRequest = z
  .object({ sessionId, command: z.string().min(1).max(4096), timeoutMs: z.number().int().min(1).max(3_600_000).optional() })
  .strict();
export const runInTerminalResponse = z.object({ exitCode: z.number().int() });

/** The ssh command for the target, using the key file exported with `vault.export` (main/ssh/copy-command.ts). */
export const copyCommandRequest = z.object({ target: sshTargetRef }).strict();
export const copyCommandResponse = z.object({ command: z.string().max(4500) });

/** Saves (or with `null` removes) the bring-your-own server in the setup state. */
export const setOwnServerRequest = z.object({ server: sshServer.nullable() }).strict();

// --- events ---

export const dataEvent = z.object({ sessionId, data: z.string() });
export const closedReason = z.enum(['ssh.shellExited', 'ssh.connectionLost', 'ssh.closedByUser']);
export type SshClosedReasonCode = z.infer<typeof closedReason>;
export const closedEvent = z.object({ sessionId, reason: closedReason });
export const hostKeyPromptReason = z.enum(['consoleNotReady', 'noConsole', 'consoleError', 'consoleMd5Only']);
export const hostKeyPromptEvent = z.object({
  promptId: z.string().max(64),
  host: z.string().max(253),
  port: z.number().int(),
  keyType: z.string().max(64),
  fingerprint: z.string().max(128),
  md5Fingerprint: z.string().max(128).optional(),
  reason: hostKeyPromptReason,
});
export type HostKeyPromptView = z.infer<typeof hostKeyPromptEvent>;
export const hostKeyPromptCancelledEvent = z.object({ promptId: z.string().max(64) });
