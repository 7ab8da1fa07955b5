/**
 * An SshEvents sink for tests: records everything, acknowledges output like
 * a renderer would (unless told not to), and lets tests wait for conditions.
 */
import type { HostKeyPrompt, SshClosedReason, SshEvents } from '../../ssh/ssh-events';
import { waitUntil } from '../wait-until';

export class EventRecorder implements SshEvents {
  readonly output = new Map<string, string>();
  readonly closedEvents: { sessionId: string; reason: SshClosedReason }[] = [];
  readonly prompts: HostKeyPrompt[] = [];
  readonly cancelledPrompts: string[] = [];
  /** Called for each data event; tests wire it to `manager.ack` to act like a renderer. */
  onData: (sessionId: string, text: string) => void = () => undefined;
  /** Called for each prompt; tests answer through the manager. */
  onPrompt: (prompt: HostKeyPrompt) => void = () => undefined;

  data(sessionId: string, text: string): void {
    this.output.set(sessionId, (this.output.get(sessionId) ?? '') + text);
    this.onData(sessionId, text);
  }

  closed(sessionId: string, reason: SshClosedReason): void {
    this.closedEvents.push({ sessionId, reason });
  }

  hostKeyPrompt(prompt: HostKeyPrompt): void {
    this.prompts.push(prompt);
    this.onPrompt(prompt);
  }

  hostKeyPromptCancelled(promptId: string): void {
    this.cancelledPrompts.push(promptId);
  }

  textOf(sessionId: string): string {
    return this.output.get(sessionId) ?? '';
  }

  waitFor(condition: () => boolean, what: string, timeoutMs?: number): Promise<void> {
    return waitUntil(condition, what, timeoutMs);
  }

  waitForOutput(sessionId: string, pattern: RegExp, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => pattern.test(this.textOf(sessionId)), `output matching ${pattern}`, timeoutMs);
  }
}
