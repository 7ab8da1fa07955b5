/**
 * Feeds shell output to xterm, in one of two modes.
 *
 * The tab on screen: one write at a time, everything that arrived meanwhile
 * joined into the next one. A keystroke's echo (a small write after a quiet
 * moment) goes to xterm at once. During a flood (a write of `floodChars` or
 * more) the next write waits until `floodFrameMs` after the previous one
 * began, so xterm parses big pieces and the page draws about 1000/floodFrameMs
 * frames a second instead of one per piece. Each DOM-renderer frame of a full
 * screen costs ~10 ms of renderer CPU here, which the flood's parsing needs
 * more (measured in `npm run bench:terminal`, see main/ssh/README.md).
 *
 * A tab in the background: small pieces (16 K characters, at most one every
 * 10 ms, in a background-priority task), so a flood in a tab nobody is looking
 * at cannot hold up the keystroke echo of the tab the user types in.
 *
 * The renderer acknowledges only what xterm has parsed, so main's flow control
 * slows the remote command down to this pace, and what waits here stays
 * bounded by main's high watermark. Switching to a tab writes what waits.
 */
export interface PacerOptions {
  /** Background tabs: characters per piece, and the least time between pieces. */
  readonly pieceChars: number;
  readonly pieceIntervalMs: number;
  /** Visible tab: a write this large marks a flood, and the next write waits floodFrameMs after it began. */
  readonly floodChars: number;
  readonly floodFrameMs: number;
}

export const DEFAULT_PACING: PacerOptions = {
  pieceChars: 16 * 1024,
  pieceIntervalMs: 10,
  floodChars: 64 * 1024,
  floodFrameMs: 100,
};

type Write = (data: string, parsed: () => void) => void;
type Scheduler = { postTask(task: () => void, options: { priority: 'background' }): Promise<unknown> };

/** Runs `task` after `delayMs` as a background-priority task (a plain timer where there is no scheduler.postTask). */
function inBackground(task: () => void, delayMs: number): void {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (!scheduler?.postTask) return void setTimeout(task, delayMs);
  const post = () => void scheduler.postTask(task, { priority: 'background' }).catch(() => undefined);
  if (delayMs > 0) setTimeout(post, delayMs);
  else post();
}

export class WritePacer {
  private queue: string[] = [];
  private background = false;
  private disposed = false;
  /** A write xterm has not finished parsing (at most one at a time, in either mode). */
  private inFlight = false;
  private scheduled = false;
  private lastPieceAt = Number.NEGATIVE_INFINITY;
  private floodWriteAt = Number.NEGATIVE_INFINITY;
  private floodTimer: ReturnType<typeof setTimeout> | undefined;

  /** `parsed(count)` is called as xterm finishes parsing each write, with its length. */
  constructor(
    private readonly write: Write,
    private readonly parsed: (count: number) => void,
    private readonly options: PacerOptions = DEFAULT_PACING,
  ) {}

  push(data: string): void {
    if (this.disposed || data.length === 0) return;
    this.queue.push(data);
    this.pump();
  }

  setBackground(background: boolean): void {
    if (this.background === background) return;
    this.background = background;
    if (!background) this.floodWriteAt = Number.NEGATIVE_INFINITY; // shown again: draw what waits now
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    clearTimeout(this.floodTimer);
    this.floodTimer = undefined;
  }

  private pump(): void {
    if (this.background) this.schedulePiece();
    else this.writeVisible();
  }

  private writeVisible(): void {
    if (this.inFlight || this.floodTimer || this.queue.length === 0 || this.disposed) return;
    const wait = this.floodWriteAt + this.options.floodFrameMs - Date.now();
    if (wait > 0) {
      this.floodTimer = setTimeout(() => {
        this.floodTimer = undefined;
        if (!this.background) this.writeVisible();
      }, wait);
      return;
    }
    const data = this.queue.length === 1 ? (this.queue[0] ?? '') : this.queue.join('');
    this.queue = [];
    if (data.length >= this.options.floodChars) this.floodWriteAt = Date.now();
    this.send(data);
  }

  private schedulePiece(): void {
    if (this.scheduled || this.inFlight || this.queue.length === 0 || this.disposed) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastPieceAt + this.options.pieceIntervalMs - Date.now());
    inBackground(() => {
      this.scheduled = false;
      if (this.disposed || this.inFlight) return;
      if (!this.background) return this.writeVisible();
      const piece = this.takePiece();
      if (!piece) return;
      this.lastPieceAt = Date.now();
      this.send(piece);
    }, wait);
  }

  private send(data: string): void {
    this.inFlight = true;
    this.write(data, () => {
      this.inFlight = false;
      if (this.disposed) return;
      this.parsed(data.length);
      this.pump();
    });
  }

  /** Up to pieceChars from the front of the queue (xterm copes with a sequence or surrogate pair split across writes). */
  private takePiece(): string {
    let piece = '';
    while (this.queue.length > 0 && piece.length < this.options.pieceChars) {
      const head = this.queue[0] ?? '';
      const room = this.options.pieceChars - piece.length;
      if (head.length <= room) {
        piece += head;
        this.queue.shift();
      } else {
        piece += head.slice(0, room);
        this.queue[0] = head.slice(room);
      }
    }
    return piece;
  }
}
