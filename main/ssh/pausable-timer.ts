/**
 * A one-shot timer that can be paused: the connect timeout stops counting
 * while the host key decision waits for the user or the console output.
 */
export class PausableTimer {
  private remainingMs: number;
  private startedAt = 0;
  private handle: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    timeoutMs: number,
    private readonly onTimeout: () => void,
  ) {
    this.remainingMs = timeoutMs;
    this.resume();
  }

  pause(): void {
    if (!this.handle) return;
    clearTimeout(this.handle);
    this.handle = undefined;
    this.remainingMs = Math.max(0, this.remainingMs - (Date.now() - this.startedAt));
  }

  resume(): void {
    if (this.done || this.handle) return;
    this.startedAt = Date.now();
    this.handle = setTimeout(() => {
      this.done = true;
      this.handle = undefined;
      this.onTimeout();
    }, this.remainingMs);
  }

  cancel(): void {
    this.done = true;
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
