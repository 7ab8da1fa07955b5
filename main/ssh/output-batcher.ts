/**
 * Shell output on its way to the renderer (Hyper-style batching plus
 * Tabby/VS Code-style flow control):
 *
 * - bytes are decoded with a streaming UTF-8 decoder, so a multi-byte
 *   character split across SSH packets is never broken;
 * - output after a quiet frame (a keystroke's echo) is sent at once; what
 *   follows within `intervalMs` (~16 ms, one frame) is batched, and a batch
 *   goes out at once when `maxBatchChars` (256 K) is pending;
 * - every emitted character counts as unacknowledged until the renderer calls
 *   `ack(count)` (count = `text.length` of what it has written to xterm).
 *   Above `highWatermark` (4 M) the source stream is paused; it resumes
 *   when acks bring the count down to `lowWatermark` (3 M).
 *
 * Why these two numbers: during a flood the visible tab feeds xterm
 * everything that has arrived, about ten times a second
 * (renderer/terminal/write-pacer.ts), and acknowledges a write only once
 * xterm has parsed all of it: ~2 M characters, a tenth of a second of
 * parsing here. The source must resume while the renderer still holds the
 * next frame's worth, or xterm idles while the pipeline refills. 512 K
 * stalled every frame (100 MB took 29.6 s); 2 M / 512 K still left the
 * renderer 30% idle in a CPU profile (bench ratio 0.62, 7.6 s a flood);
 * 4 M / 3 M gives 5.7-6.3 s a flood, and 6 M or 8 M measured no faster.
 * `flow-control.simulation.test.ts` models the same pipeline. Unacknowledged
 * text sits in the renderer (at most 4 M plus one batch per shell), not here.
 *
 * While paused, ssh2 buffers up to its Readable highWaterMark (2 MiB) and then
 * stops widening the channel window, so the server blocks after at most one
 * more window (2 MiB): per shell, main holds at most ~4 MiB in ssh2 plus one
 * batch here, however fast the remote side prints.
 */
import { StringDecoder } from 'node:string_decoder';

export interface FlowControlOptions {
  readonly intervalMs: number;
  readonly maxBatchChars: number;
  readonly highWatermark: number;
  readonly lowWatermark: number;
}

export const DEFAULT_FLOW_CONTROL: FlowControlOptions = {
  intervalMs: 16,
  maxBatchChars: 256 * 1024,
  highWatermark: 4096 * 1024,
  lowWatermark: 3072 * 1024,
};

export interface BatcherSink {
  emit(text: string): void;
  pause(): void;
  resume(): void;
}

export interface FlowStats {
  /** Characters emitted but not acknowledged yet. */
  readonly unacked: number;
  /** Characters decoded and waiting for the next batch. */
  readonly pending: number;
  readonly paused: boolean;
  readonly totalEmitted: number;
}

export class OutputBatcher {
  private readonly decoder = new StringDecoder('utf8');
  private pendingParts: string[] = [];
  private pendingChars = 0;
  private unacked = 0;
  private totalEmitted = 0;
  private paused = false;
  private timer: NodeJS.Timeout | undefined;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly sink: BatcherSink,
    private readonly options: FlowControlOptions = DEFAULT_FLOW_CONTROL,
  ) {}

  push(chunk: Buffer): void {
    if (this.disposed) return;
    this.append(this.decoder.write(chunk));
    if (this.pendingChars >= this.options.maxBatchChars) this.flush();
    else if (this.pendingChars > 0 && !this.timer) {
      // Quiet for a frame: this is interactive output (an echo), so no batching delay.
      if (Date.now() - this.lastEmitAt >= this.options.intervalMs) this.flush();
      else this.timer = setTimeout(() => this.flush(), this.options.intervalMs);
    }
  }

  /** Emit whatever is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingChars === 0 || this.disposed) return;
    const text = this.pendingParts.join('');
    this.pendingParts = [];
    this.pendingChars = 0;
    this.unacked += text.length;
    this.totalEmitted += text.length;
    this.lastEmitAt = Date.now();
    this.sink.emit(text);
    if (!this.paused && this.unacked >= this.options.highWatermark) {
      this.paused = true;
      this.sink.pause();
    }
  }

  ack(count: number): void {
    if (!Number.isFinite(count) || count <= 0) return;
    this.unacked = Math.max(0, this.unacked - Math.floor(count));
    if (this.paused && this.unacked <= this.options.lowWatermark) {
      this.paused = false;
      if (!this.disposed) this.sink.resume();
    }
  }

  /** The stream ended: flush the decoder's tail (an incomplete sequence becomes U+FFFD) and everything pending. */
  end(): void {
    this.append(this.decoder.end());
    this.flush();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingParts = [];
    this.pendingChars = 0;
  }

  stats(): FlowStats {
    return { unacked: this.unacked, pending: this.pendingChars, paused: this.paused, totalEmitted: this.totalEmitted };
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.pendingParts.push(text);
    this.pendingChars += text.length;
  }
}
