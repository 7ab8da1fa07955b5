/**
 * Feeds shell output to xterm. The tab on screen gets it at once. A tab in the
 * background gets it in small pieces (16 K characters, at most one every
 * 10 ms, in a background-priority task), so a flood in a tab nobody is looking
 * at cannot hold up the keystroke echo of the tab the user types in, nor eat
 * the CPU that echo needs (xterm otherwise parses in 12 ms slices, back to
 * back). Since the renderer acknowledges only what xterm has parsed, main's
 * flow control slows the remote command down to that pace, and what waits
 * here stays bounded. Switching to the tab writes whatever is still waiting.
 */
export const BACKGROUND_PIECE_CHARS = 16 * 1024;
export const BACKGROUND_PIECE_INTERVAL_MS = 10;

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
  private scheduled = false;
  private pieceInFlight = false;
  private lastPieceAt = Number.NEGATIVE_INFINITY;
  private disposed = false;

  /** `parsed(count)` is called as xterm finishes parsing each part, with its length. */
  constructor(
    private readonly write: Write,
    private readonly parsed: (count: number) => void,
    private readonly pieceChars = BACKGROUND_PIECE_CHARS,
    private readonly pieceIntervalMs = BACKGROUND_PIECE_INTERVAL_MS,
  ) {}

  push(data: string): void {
    if (this.disposed || data.length === 0) return;
    this.queue.push(data);
    if (this.background) this.schedule();
    else this.writeAll();
  }

  setBackground(background: boolean): void {
    this.background = background;
    if (background) this.schedule();
    else this.writeAll();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
  }

  private writeAll(): void {
    for (const data of this.queue.splice(0)) this.write(data, () => this.parsed(data.length));
  }

  private schedule(): void {
    if (this.scheduled || this.pieceInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastPieceAt + this.pieceIntervalMs - Date.now());
    inBackground(() => {
      this.scheduled = false;
      if (this.disposed) return;
      if (!this.background) return this.writeAll();
      const piece = this.takePiece();
      if (!piece) return;
      this.lastPieceAt = Date.now();
      this.pieceInFlight = true;
      this.write(piece, () => {
        this.pieceInFlight = false;
        this.parsed(piece.length);
        if (this.background) this.schedule();
      });
    }, wait);
  }

  /** Up to pieceChars from the front of the queue (xterm copes with a sequence or surrogate pair split across writes). */
  private takePiece(): string {
    let piece = '';
    while (this.queue.length > 0 && piece.length < this.pieceChars) {
      const head = this.queue[0] ?? '';
      const room = this.pieceChars - piece.length;
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
