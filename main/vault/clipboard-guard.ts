/**
 * Main-side clipboard writes for secrets: the value is put on the clipboard
 * and cleared again after a delay (30 s), but only if the clipboard still holds
 * that value, so whatever the user copied since is left alone. Only an HMAC of
 * the value (random key per guard) is kept for that check, never the value.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../platform';

export const CLIPBOARD_CLEAR_MS = 30_000;

type Clipboard = Pick<Platform, 'clipboardWrite' | 'clipboardRead'>;

export class ClipboardGuard {
  private readonly hmacKey = randomBytes(32);
  private pending: { timer: ReturnType<typeof setTimeout>; digest: Buffer } | null = null;

  constructor(
    private readonly clipboard: Clipboard,
    readonly clearAfterMs: number = CLIPBOARD_CLEAR_MS,
  ) {}

  /** Copies a secret; it is cleared after clearAfterMs unless the user copied something else meanwhile. */
  async writeSecret(text: string): Promise<void> {
    this.cancelTimer();
    await this.clipboard.clipboardWrite(text);
    const timer = setTimeout(() => void this.clearIfUnchanged(), this.clearAfterMs);
    (timer as { unref?: () => void }).unref?.();
    this.pending = { timer, digest: this.digest(text) };
  }

  /** Copies something that is not a secret (it stays on the clipboard). */
  async writePlain(text: string): Promise<void> {
    this.cancelTimer();
    await this.clipboard.clipboardWrite(text);
  }

  /** On shutdown: clear a secret that is still on the clipboard now rather than leave it there. */
  dispose(): Promise<void> {
    return this.pending ? this.clearIfUnchanged() : Promise.resolve();
  }

  /** Failures are swallowed: a clipboard that cannot be read is left as it is (nothing to log: no secret in it). */
  private async clearIfUnchanged(): Promise<void> {
    const pending = this.pending;
    this.cancelTimer();
    if (!pending) return;
    try {
      const current = this.digest(await this.clipboard.clipboardRead());
      if (timingSafeEqual(current, pending.digest)) await this.clipboard.clipboardWrite('');
    } catch {
      /* the clipboard went away (quit): nothing more to do */
    }
  }

  private cancelTimer(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private digest(text: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(text, 'utf8').digest();
  }
}
