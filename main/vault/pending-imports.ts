/**
 * Files waiting for a passphrase: when an imported key turns out to be
 * encrypted, its bytes stay here (main process memory only) under a random id
 * so the renderer can retry with a passphrase without sending or picking the
 * file again. Entries expire after a few minutes; at most a handful are kept.
 */
import { randomUUID } from 'node:crypto';

export interface PendingFile {
  name: string;
  bytes: Buffer;
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 8;

export class PendingImports {
  private readonly entries = new Map<string, PendingFile & { timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly ttlMs = TTL_MS) {}

  /** Keeps the file; a retried file keeps its id (and its time is extended). */
  keep(file: PendingFile, retryId?: string): string {
    const existing = retryId === undefined ? undefined : this.entries.get(retryId);
    if (existing && retryId !== undefined) {
      clearTimeout(existing.timer);
      existing.timer = this.expireLater(retryId);
      return retryId;
    }
    while (this.entries.size >= MAX_ENTRIES) this.drop(this.entries.keys().next().value ?? '');
    const id = randomUUID();
    this.entries.set(id, { name: file.name, bytes: file.bytes, timer: this.expireLater(id) });
    return id;
  }

  get(retryId: string): PendingFile | undefined {
    const entry = this.entries.get(retryId);
    return entry && { name: entry.name, bytes: entry.bytes };
  }

  drop(retryId: string): void {
    const entry = this.entries.get(retryId);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.bytes.fill(0);
    this.entries.delete(retryId);
  }

  private expireLater(id: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.drop(id), this.ttlMs);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  }

  dispose(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }
}
