/**
 * Flow control, renderer side: main pauses a shell when more than 4 M
 * characters are unacknowledged and resumes it at 3 M
 * (main/ssh/output-batcher.ts). We acknowledge what xterm has parsed (its
 * write callback), batched so a flood costs one `ssh.ack` per 64 K or 50 ms
 * rather than one per data event.
 */
export const ACK_BATCH_CHARS = 64 * 1024;
export const ACK_BATCH_MS = 50;

export class AckBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (count: number) => void,
    private readonly batchChars = ACK_BATCH_CHARS,
    private readonly batchMs = ACK_BATCH_MS,
  ) {}

  /** xterm has parsed `count` more characters. */
  add(count: number): void {
    this.pending += count;
    if (this.pending >= this.batchChars) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.batchMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    const count = this.pending;
    this.pending = 0;
    this.send(count);
  }

  /** Forget what is pending (the session is gone, or a reconnect starts a fresh count). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = 0;
  }
}
