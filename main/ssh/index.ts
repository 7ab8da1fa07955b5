/** Public API of the main-process SSH layer. */
export { SshSessionManager, DEFAULT_SSH_TIMING } from './ssh-session-manager';
export type { SshSessionManagerOptions, SshTiming } from './ssh-session-manager';
export type { SshEvents, SshClosedReason, HostKeyPrompt, HostKeyPromptReason } from './ssh-events';
export { sshTargetSchema, normalizeTarget } from './ssh-target';
export type { SshTarget, SshTargetInput } from './ssh-target';
export type { TerminalSize, ShellOptions } from './shell-session';
export type { ShellFlowStats } from './shell-channel';
export type { ExecOptions, ExecResult } from './remote-exec';
export type { TerminalCommandResult } from './terminal-command-runner';
export type { FlowControlOptions } from './output-batcher';
export { KnownHosts } from './known-hosts';
export type { HostPins, PinnedHostKey } from './known-hosts';
export type { ConsoleHostKeysSource, ConsoleLookup } from './host-key-policy';
export { fetchConsoleHostKeys, parseConsoleHostKeys } from './console-host-keys';
export type { ConsoleHostKeys, ConsoleKey, ConsoleFingerprint } from './console-host-keys';
export { sha256Fingerprint } from './host-key-format';
export { SSH_ERROR_CODES } from './ssh-errors';
export type { SshErrorCode } from './ssh-errors';
