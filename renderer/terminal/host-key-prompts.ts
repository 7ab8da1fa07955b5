/**
 * Host key questions from main (`ssh.hostKeyPrompt`), queued until the user
 * answers. A connect waits in main meanwhile; nothing is accepted by default.
 */
import { useSyncExternalStore } from 'react';
import type { HostKeyPromptView } from '../../common/contract/schemas/ssh';
import { api } from '../bridge/api';

let queue: readonly HostKeyPromptView[] = [];
const listeners = new Set<() => void>();
let subscribed = false;

function set(next: readonly HostKeyPromptView[]): void {
  queue = next;
  for (const listener of listeners) listener();
}

function subscribeToMain(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('ssh.hostKeyPrompt', (prompt) => set([...queue, prompt]));
  api.on('ssh.hostKeyPromptCancelled', ({ promptId }) => set(queue.filter((p) => p.promptId !== promptId)));
}

export const hostKeyPrompts = {
  subscribe(listener: () => void): () => void {
    subscribeToMain();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  current: (): HostKeyPromptView | undefined => queue[0],
  /** Send the user's answer; the question leaves the queue at once. */
  async answer(promptId: string, accept: boolean) {
    set(queue.filter((p) => p.promptId !== promptId));
    return api.invoke['ssh.answerHostKey']({ promptId, accept });
  },
};

export function useHostKeyPrompt(): HostKeyPromptView | undefined {
  return useSyncExternalStore(hostKeyPrompts.subscribe, hostKeyPrompts.current);
}
