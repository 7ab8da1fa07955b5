/**
 * The module-level registry of terminal tabs. xterm instances live here, not
 * in React state, so they survive page changes (the Connect page re-attaches
 * them) and React renders only the plain TabInfo list.
 *
 * `ssh.data` can reach us before the `ssh.open` response that names the
 * session (they travel separately), so output for an unknown session is held
 * briefly and handed over when the tab learns its id.
 */
import { useSyncExternalStore } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { SshClosedReasonCode, SshTargetRef } from '../../common/contract/schemas/ssh';
import { api } from '../bridge/api';
import type { TabInfo } from './tab-info';
import { TerminalTab } from './terminal-tab';

export interface TerminalsView {
  readonly tabs: readonly TabInfo[];
  readonly activeId: string | undefined;
  /** A problem outside any tab's connection state (e.g. a link main refused). */
  readonly notice: ContractError | undefined;
}

/** Output held for a session whose tab does not know its id yet; bounded by main's flow control (4 M unacked). */
interface Orphan {
  chunks: string[];
  closed?: SshClosedReasonCode;
  since: number;
}
const ORPHAN_TTL_MS = 60_000;

const tabs = new Map<string, TerminalTab>();
const bySession = new Map<string, TerminalTab>();
const orphans = new Map<string, Orphan>();
const listeners = new Set<() => void>();
let view: TerminalsView = { tabs: [], activeId: undefined, notice: undefined };
let nextNumber = 1;
let subscribed = false;

function publish(patch: Partial<TerminalsView> = {}): void {
  view = { ...view, tabs: [...tabs.values()].map((tab) => tab.info), ...patch };
  for (const listener of listeners) listener();
}

function orphanFor(sessionId: string): Orphan {
  const now = Date.now();
  for (const [id, orphan] of orphans) if (now - orphan.since > ORPHAN_TTL_MS) orphans.delete(id);
  let orphan = orphans.get(sessionId);
  if (!orphan) orphans.set(sessionId, (orphan = { chunks: [], since: now }));
  return orphan;
}

function subscribeToMain(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('ssh.data', ({ sessionId, data }) => {
    const tab = bySession.get(sessionId);
    if (tab) tab.receive(data);
    else orphanFor(sessionId).chunks.push(data);
  });
  api.on('ssh.closed', ({ sessionId, reason }) => {
    const tab = bySession.get(sessionId);
    if (tab) tab.closed(reason);
    else orphanFor(sessionId).closed = reason;
  });
}

const hooks = {
  changed: () => publish(),
  bound(tab: TerminalTab, sessionId: string) {
    bySession.set(sessionId, tab);
    const orphan = orphans.get(sessionId);
    orphans.delete(sessionId);
    for (const chunk of orphan?.chunks ?? []) tab.receive(chunk);
    if (orphan?.closed) tab.closed(orphan.closed);
  },
  error: (notice: ContractError) => publish({ notice }),
};

export const terminals = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  view: (): TerminalsView => view,
  get: (tabId: string): TerminalTab | undefined => tabs.get(tabId),
  all: (): TerminalTab[] => [...tabs.values()],

  /** A new tab for `target`; it connects once the page has attached and sized it. */
  open(target: SshTargetRef, label: string): TerminalTab {
    subscribeToMain();
    const id = `tab-${nextNumber++}`;
    const tab = new TerminalTab(id, target, label, hooks);
    tabs.set(id, tab);
    publish({ activeId: id });
    return tab;
  },

  activate(tabId: string): void {
    if (tabs.has(tabId)) publish({ activeId: tabId });
  },

  close(tabId: string): void {
    const tab = tabs.get(tabId);
    if (!tab) return;
    tabs.delete(tabId);
    if (tab.info.sessionId) bySession.delete(tab.info.sessionId);
    tab.dispose();
    const rest = [...tabs.keys()];
    publish({ activeId: view.activeId === tabId ? rest[rest.length - 1] : view.activeId });
  },

  /** Closes the tabs of a named server ('setup', 'ownServer') the journey model no longer has (a torn-down instance). */
  closeGone(available: readonly string[]): void {
    for (const tab of [...tabs.values()]) if (typeof tab.info.target === 'string' && !available.includes(tab.info.target)) terminals.close(tab.info.id);
  },

  dismissNotice(): void {
    publish({ notice: undefined });
  },
};

/** The tab list for React (re-renders on every change of any tab's plain info). */
export function useTerminals(): TerminalsView {
  return useSyncExternalStore(terminals.subscribe, terminals.view);
}
