/**
 * One terminal tab: an xterm instance (never in React state) bound to an SSH
 * session in main. Output is written to xterm and acknowledged after xterm
 * parsed it; keystrokes, pastes and size changes go to main.
 */
import type { ContractError } from '../../common/contract/result';
import type { SshClosedReasonCode, SshTargetRef } from '../../common/contract/schemas/ssh';
import { api } from '../bridge/api';
import i18n from '../i18n';
import { AckBatcher } from './ack-batcher';
import { copyOnSelect, copySelection } from './clipboard';
import { createTerminal, type TerminalParts } from './create-terminal';
import { onFontSize, zoom } from './font-zoom';
import { loadBestRenderer } from './gpu-renderer';
import { consumeShellIntegration, type ShellIntegrationState } from './shell-integration-osc';
import type { TabInfo } from './tab-info';
import { terminalKeyAction } from './terminal-keys';
import { onColorSchemeChange, terminalTheme } from './terminal-options';
import { WritePacer } from './write-pacer';

const RESIZE_DEBOUNCE_MS = 50;

export interface TabHooks {
  /** The tab's plain info changed. */
  changed(info: TabInfo): void;
  /** main gave this tab its session id. */
  bound(tab: TerminalTab, sessionId: string): void;
  /** Something the user should see that is not the tab's connection state (e.g. a refused link). */
  error(error: ContractError): void;
}

export class TerminalTab {
  readonly element = document.createElement('div');
  readonly shell: ShellIntegrationState = { running: false, lastExitCode: undefined };
  private readonly parts: TerminalParts;
  private readonly acks: AckBatcher;
  private readonly pacer: WritePacer;
  private readonly disposers: (() => void)[] = [];
  private opened = false;
  private started = false;
  private attempted = false;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: TabInfo;

  constructor(id: string, target: SshTargetRef, label: string, private readonly hooks: TabHooks) {
    this.snapshot = {
      id, target, label, title: '', server: undefined, sessionId: undefined, status: 'connecting',
      closedReason: undefined, error: undefined, renderer: undefined, searchOpen: false,
    };
    this.element.className = 'terminal-host';
    this.element.dataset['tabId'] = id;
    this.parts = createTerminal((url) => this.openLink(url));
    this.acks = new AckBatcher((count) => {
      const sessionId = this.snapshot.sessionId;
      if (sessionId) void api.invoke['ssh.ack']({ sessionId, count });
    });
    const { term } = this.parts;
    this.pacer = new WritePacer(
      (data, parsed) => term.write(data, parsed),
      (count) => this.acks.add(count),
    );
    const subscriptions = [
      consumeShellIntegration(term, this.shell),
      copyOnSelect(term),
      term.onData((data) => this.send(data)),
      term.onResize(() => this.scheduleResize()),
      term.onTitleChange((title) => this.update({ title })),
    ];
    this.disposers.push(() => subscriptions.forEach((s) => s.dispose()));
    this.disposers.push(onColorSchemeChange(() => {
      term.options.theme = terminalTheme();
    }));
    this.disposers.push(onFontSize((size) => {
      term.options.fontSize = size;
      this.fit();
    }));
    term.attachCustomKeyEventHandler((event) => this.onKey(event));
  }

  get info(): TabInfo {
    return this.snapshot;
  }

  get terminal(): TerminalParts['term'] {
    return this.parts.term;
  }

  get search(): TerminalParts['search'] {
    return this.parts.search;
  }

  /** Put the terminal into `container` (xterm is opened on the first attach) and size it. */
  attach(container: HTMLElement): void {
    if (this.element.parentElement !== container) container.appendChild(this.element);
    if (!this.opened) {
      this.opened = true;
      this.parts.term.open(this.element);
      this.update({ renderer: loadBestRenderer(this.parts.term, (renderer) => this.update({ renderer })) });
    }
    this.fit();
  }

  /** Fit to the container; skipped while hidden (a hidden tab has no size). */
  fit(): void {
    if (!this.opened || this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    this.parts.fit.fit();
  }

  focus(): void {
    this.parts.term.focus();
  }

  /** The first connect, when the page first shows this tab; never repeated by itself. */
  startOnce(): void {
    if (this.attempted) return;
    this.attempted = true;
    void this.start();
  }

  /** Open the SSH shell at the terminal's current size (no-op while an open is running or done). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.update({ status: 'connecting', error: undefined });
    const { cols, rows } = this.parts.term;
    const result = await api.invoke['ssh.open']({ target: this.snapshot.target, cols, rows });
    if (!result.ok) {
      this.started = false;
      this.update({ status: 'failed', error: result.error });
      return;
    }
    this.update({ status: 'open', sessionId: result.value.sessionId, server: result.value.server });
    this.hooks.bound(this, result.value.sessionId);
  }

  /** Output from main. Acknowledged once xterm has parsed it (flow control). */
  receive(data: string): void {
    this.pacer.push(data);
  }

  /** Only the active tab is shown; a hidden tab parses its output at background priority. */
  setHidden(hidden: boolean): void {
    this.element.hidden = hidden;
    this.pacer.setBackground(hidden);
  }

  /** The session's shell is gone; the scrollback stays. */
  closed(reason: SshClosedReasonCode): void {
    this.acks.reset();
    if (reason === 'ssh.closedByUser') return;
    this.update({ status: 'closed', closedReason: reason });
  }

  async reconnect(): Promise<void> {
    const sessionId = this.snapshot.sessionId;
    if (!sessionId) return this.start();
    this.update({ status: 'reconnecting', error: undefined });
    const result = await api.invoke['ssh.reconnect']({ sessionId });
    if (!result.ok) return this.update({ status: 'closed', error: result.error });
    this.acks.reset();
    this.parts.term.write(`\r\n\x1b[2m── ${i18n.t('ssh:terminal.reconnected')} ──\x1b[0m\r\n`);
    this.update({ status: 'open', closedReason: undefined });
    const { cols, rows } = this.parts.term;
    void api.invoke['ssh.resize']({ sessionId, cols, rows });
  }

  /** The server's login name changed (Settings or the retry form): the tab shows the new `user@host`. */
  relabel(label: string): void {
    this.update({ label });
  }

  setSearchOpen(searchOpen: boolean): void {
    this.update({ searchOpen });
    if (!searchOpen) {
      this.parts.search.clearDecorations();
      this.focus();
    }
  }

  /** Close the shell in main and free the terminal. */
  dispose(): void {
    const sessionId = this.snapshot.sessionId;
    if (sessionId) void api.invoke['ssh.close']({ sessionId });
    clearTimeout(this.resizeTimer);
    this.acks.reset();
    this.pacer.dispose();
    this.disposers.forEach((dispose) => dispose());
    this.parts.term.dispose();
    this.element.remove();
  }

  private send(data: string): void {
    const sessionId = this.snapshot.sessionId;
    if (sessionId && this.snapshot.status === 'open') void api.invoke['ssh.write']({ sessionId, data });
  }

  private scheduleResize(): void {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      const sessionId = this.snapshot.sessionId;
      if (!sessionId || this.snapshot.status !== 'open') return;
      const { cols, rows } = this.parts.term;
      void api.invoke['ssh.resize']({ sessionId, cols, rows });
    }, RESIZE_DEBOUNCE_MS);
  }

  private onKey(event: KeyboardEvent): boolean {
    const action = terminalKeyAction(event);
    if (!action) return true;
    if (event.type !== 'keydown') return false;
    if (action.kind === 'paste') return false; // the browser's paste event reaches xterm, which brackets it
    event.preventDefault();
    if (action.kind === 'search') this.setSearchOpen(true);
    else if (action.kind === 'zoom') zoom(action.action);
    else copySelection(this.parts.term);
    return false;
  }

  private openLink(url: string): void {
    void api.invoke['app.openExternal']({ url }).then((result) => {
      if (!result.ok) this.hooks.error(result.error);
    });
  }

  private update(patch: Partial<TabInfo>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.hooks.changed(this.snapshot);
  }
}
