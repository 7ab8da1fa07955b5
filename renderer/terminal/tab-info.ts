/** What React sees of a terminal tab: plain data. The xterm instance itself lives in the registry. */
import type { ContractError } from '../../common/contract/result';
import type { SshClosedReasonCode, SshServerView, SshTargetRef } from '../../common/contract/schemas/ssh';
import type { RendererKind } from './gpu-renderer';

export type TabStatus =
  /** Opening the first shell (this may wait on a host key question). */
  | 'connecting'
  | 'open'
  /** Reconnecting after a disconnect; the scrollback stays. */
  | 'reconnecting'
  /** The shell ended or the connection dropped: a banner offers Reconnect. */
  | 'closed'
  /** The first connect failed (no session yet): the error and Try again. */
  | 'failed';

export interface TabInfo {
  readonly id: string;
  readonly target: SshTargetRef;
  /** Short name of the server for the tab strip, e.g. `onramp@127.0.0.1`. */
  readonly label: string;
  /** The shell's window title (OSC 0/2), if it sets one. */
  readonly title: string;
  readonly server: SshServerView | undefined;
  readonly sessionId: string | undefined;
  readonly status: TabStatus;
  readonly closedReason: SshClosedReasonCode | undefined;
  readonly error: ContractError | undefined;
  readonly renderer: RendererKind | undefined;
  readonly searchOpen: boolean;
}
