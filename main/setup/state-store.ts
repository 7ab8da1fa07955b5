/**
 * The persisted guided setup: choices and resource ids, nothing secret.
 * Stored as versioned JSON (`setup.json`) in the data dir, written atomically.
 * A file that can't be read is kept aside (setup.json.corrupt-<time>) rather
 * than overwritten, so nothing is lost. An update holds a cross-process lock
 * (`setup.json.lock`) and applies the change to the file as it is on disk, so
 * a second Onramp process on the same data dir never loses an update.
 * `watch()` follows the file, so what another process writes reaches this
 * one's onChange (and so the journey model and every page) within moments.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setupState, type PageId, type SetupPath, type SetupState, type StepId } from '../../common/contract/schemas/setup';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';
import { withFileLock } from '../storage/file-lock';
import { watchFile } from '../storage/watch-file';
import { migratePath } from './setup-path';

export const SETUP_FILE = 'setup.json';

export function freshSetupState(): SetupState {
  return { version: 1, setupId: randomUUID(), currentPage: 'connect-aws', completed: [], choices: {}, resources: {} };
}

export class SetupStateStore {
  private state: SetupState | undefined;
  private writing: Promise<void> = Promise.resolve();
  private file: string;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly dataDir: string, private readonly onChange: (state: SetupState) => void = () => {}, fileName = SETUP_FILE) {
    this.file = path.join(dataDir, fileName);
  }

  /** The file of the setup this store holds (one of the setups in setups.json, main/setup/setup-list.ts). */
  get fileName(): string {
    return path.basename(this.file);
  }

  /** Holds another setup from now on (a switch): reads its file and announces it. */
  async useFile(fileName: string): Promise<SetupState> {
    await this.writing;
    this.file = path.join(this.dataDir, fileName);
    this.state = undefined;
    const state = await this.get();
    this.onChange(state);
    return state;
  }

  /** Follows setup.json: a change another process wrote is read and announced (onChange). Stop with dispose(). */
  async watch(): Promise<void> {
    if (this.stopWatching) return;
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    this.stopWatching = watchFile(this.dataDir, () => this.fileName, () => void this.refresh().catch(() => undefined));
  }

  dispose(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Re-reads the file; announces the state when it differs from what this process holds. True if it did. */
  async refresh(): Promise<boolean> {
    const read = this.writing.then(async () => {
      const raw = await readJsonFile(this.file).catch(() => undefined);
      const parsed = raw === undefined ? undefined : setupState.safeParse(migrate(raw));
      if (!parsed?.success || JSON.stringify(parsed.data) === JSON.stringify(this.state)) return undefined;
      this.state = parsed.data;
      return parsed.data;
    });
    this.writing = read.then(
      () => {},
      () => {},
    );
    const next = await read;
    if (next) this.onChange(next);
    return next !== undefined;
  }

  async get(): Promise<SetupState> {
    if (!this.state) this.state = await this.load();
    return this.state;
  }

  /**
   * Applies `change` to the latest state. Updates run one after another (a page
   * and the engine never lose each other's change) and under the file lock.
   */
  async update(change: (state: SetupState) => SetupState): Promise<SetupState> {
    const write = this.writing.then(() =>
      withFileLock(`${this.file}.lock`, async () => {
        const next = setupState.parse(change(structuredClone(await this.onDisk())));
        await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
        this.state = next;
        return next;
      }),
    );
    this.writing = write.then(
      () => {},
      () => {},
    );
    const next = await write;
    this.onChange(next);
    return next;
  }

  /** The state as another process may have left it; this process's view if the file is missing or unreadable. */
  private async onDisk(): Promise<SetupState> {
    const raw = await readJsonFile(this.file).catch(() => undefined);
    const parsed = raw === undefined ? undefined : setupState.safeParse(migrate(raw));
    return parsed?.success ? parsed.data : this.get();
  }

  goTo(page: PageId): Promise<SetupState> {
    return this.update((s) => ({ ...s, currentPage: page }));
  }

  choosePath(path: SetupPath): Promise<SetupState> {
    return this.update((s) => ({ ...s, choices: { ...s.choices, path } }));
  }

  markStep(step: StepId, done: boolean): Promise<SetupState> {
    return this.update((s) => {
      const completed = s.completed.filter((x) => x !== step);
      return { ...s, completed: done ? [...completed, step] : completed };
    });
  }

  private async load(): Promise<SetupState> {
    let raw: unknown;
    try {
      raw = await readJsonFile(this.file);
    } catch {
      raw = null; // unreadable JSON: set aside below
    }
    if (raw === undefined) return freshSetupState();
    const parsed = setupState.safeParse(migrate(raw));
    if (parsed.success) return parsed.data;
    await fs.rename(this.file, `${this.file}.corrupt-${Date.now()}`).catch(() => {});
    return freshSetupState();
  }
}

/** Upgrades older on-disk versions to the current one. Version 1 is the first; a file from before the path gets one. */
function migrate(raw: unknown): unknown {
  return migratePath(raw);
}
