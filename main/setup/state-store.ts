/**
 * The persisted guided setup: choices and resource ids, nothing secret.
 * Stored as versioned JSON (`setup.json`) in the data dir, written atomically.
 * A file that can't be read is kept aside (setup.json.corrupt-<time>) rather
 * than overwritten, so nothing is lost. An update holds a cross-process lock
 * (`setup.json.lock`) and applies the change to the file as it is on disk, so
 * a second Onramp process on the same data dir never loses an update.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setupState, type PageId, type SetupPath, type SetupState, type StepId } from '../../common/contract/schemas/setup';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';
import { withFileLock } from '../storage/file-lock';
import { migratePath } from './setup-path';

export const SETUP_FILE = 'setup.json';

export function freshSetupState(): SetupState {
  return { version: 1, setupId: randomUUID(), currentPage: 'connect-aws', completed: [], choices: {}, resources: {} };
}

export class SetupStateStore {
  private state: SetupState | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(dataDir: string, private readonly onChange: (state: SetupState) => void = () => {}) {
    this.file = path.join(dataDir, SETUP_FILE);
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
