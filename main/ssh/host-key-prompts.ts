/**
 * Pending "do you trust this host key?" questions. `ask` emits a
 * `hostKeyPrompt` event and waits for `answer(promptId, accept)`; a prompt
 * left unanswered is cancelled after `timeoutMs` (the caller then fails
 * with `ssh.hostKeyPromptTimeout`).
 */
import { randomUUID } from 'node:crypto';
import type { HostKeyPrompt, SshEvents } from './ssh-events';
import { sshError } from './ssh-errors';

export type PromptAnswer = 'accepted' | 'rejected' | 'timedOut' | 'cancelled';

interface Pending {
  resolve(answer: PromptAnswer): void;
  timer: NodeJS.Timeout;
}

export class HostKeyPrompts {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly events: Pick<SshEvents, 'hostKeyPrompt' | 'hostKeyPromptCancelled'>,
    private readonly timeoutMs: number,
  ) {}

  ask(question: Omit<HostKeyPrompt, 'promptId'>): Promise<PromptAnswer> {
    const promptId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(promptId, 'timedOut'), this.timeoutMs);
      this.pending.set(promptId, { resolve, timer });
      this.events.hostKeyPrompt({ promptId, ...question });
    });
  }

  answer(promptId: string, accept: boolean): void {
    if (!this.pending.has(promptId)) {
      throw sshError('ssh.hostKeyPromptUnknown', 'That host key question is no longer open.', { promptId });
    }
    this.finish(promptId, accept ? 'accepted' : 'rejected');
  }

  /** Cancel every open prompt (manager disposal). */
  cancelAll(): void {
    for (const promptId of [...this.pending.keys()]) this.finish(promptId, 'cancelled');
  }

  get openCount(): number {
    return this.pending.size;
  }

  private finish(promptId: string, answer: PromptAnswer): void {
    const pending = this.pending.get(promptId);
    if (!pending) return;
    this.pending.delete(promptId);
    clearTimeout(pending.timer);
    if (answer === 'timedOut' || answer === 'cancelled') this.events.hostKeyPromptCancelled(promptId);
    pending.resolve(answer);
  }
}
