/**
 * The list of setups and which one is active (`setups.json` in the data dir).
 * Each setup is its own file with its own tag id, path, choices and resources;
 * the SetupStateStore holds the active one, and a switch points it at another
 * file. The first version had one `setup.json`: it becomes the first entry of
 * the list, in place, without a change to its content.
 *
 * Changes hold the same kind of cross-process lock as setup.json and apply to
 * the list as it is on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { setupEntry, type SetupsView } from '../../common/contract/schemas/setups';
import { AppError } from '../../common/errors';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';
import { withFileLock } from '../storage/file-lock';
import { watchFile } from '../storage/watch-file';
import { freshSetupState, SETUP_FILE, type SetupStateStore } from './state-store';

export const SETUPS_FILE = 'setups.json';
const SETUP_FILE_PATTERN = /^setup(-[0-9a-f-]{36})?\.json$/;

const storedEntry = setupEntry.extend({ file: z.string().regex(SETUP_FILE_PATTERN) });
const setupsIndex = z.object({ version: z.literal(1), active: z.string().max(64), setups: z.array(storedEntry).min(1).max(50) });
type SetupsIndex = z.infer<typeof setupsIndex>;

export interface SetupListOptions {
  /** True while the active setup may not be left (an operation is running). */
  busy(): Promise<boolean>;
  /** True when the setup (its state as saved) still has resources in AWS or an IAM user: delete refused. */
  hasResources(setupFile: string): Promise<boolean>;
  /** Called after a switch, with the new active setup's id. */
  switched?(id: string): void;
  /** Called after any change of the list (a name, a new or deleted setup). */
  changed?(): void;
}

export class SetupList {
  private readonly file: string;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly dataDir: string, private readonly store: SetupStateStore, private readonly options: SetupListOptions) {
    this.file = path.join(dataDir, SETUPS_FILE);
  }

  /** The list, made from today's single setup.json the first time; the store then holds the active setup. */
  async load(): Promise<SetupsView> {
    const index = await this.change((current) => current);
    const active = index.setups.find((s) => s.id === index.active) ?? index.setups[0];
    if (active && active.file !== this.store.fileName) await this.store.useFile(active.file);
    return view(index);
  }

  /**
   * Follows setups.json: another process that creates, renames or switches a
   * setup is seen here (the list in the model, and the store on the setup it made active).
   */
  watch(): void {
    this.stopWatching ??= watchFile(this.dataDir, SETUPS_FILE, () => void this.followDisk().catch(() => undefined));
  }

  dispose(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  private async followDisk(): Promise<void> {
    const index = await this.read();
    const active = index.setups.find((s) => s.id === index.active);
    if (active && active.file !== this.store.fileName) {
      await this.store.useFile(active.file);
      this.options.switched?.(active.id);
    }
    this.options.changed?.();
  }

  async list(): Promise<SetupsView> {
    return view(await this.read());
  }

  /** A new setup (its own tag id), made active. */
  async create(name: string): Promise<SetupsView> {
    await this.assertIdle();
    const state = freshSetupState();
    const file = `setup-${state.setupId}.json`;
    await writeFileAtomic(path.join(this.dataDir, file), JSON.stringify(state, null, 2));
    const index = await this.change((current) => ({ ...current, setups: [...current.setups, { id: state.setupId, name, file, createdAt: Date.now() }] }));
    return this.switchTo(index, state.setupId);
  }

  async rename(id: string, name: string): Promise<SetupsView> {
    return view(await this.change((current) => ({ ...current, setups: current.setups.map((s) => (s.id === id ? { ...s, name } : s)) }), id));
  }

  async switch(id: string): Promise<SetupsView> {
    const index = await this.read();
    entryOf(index, id);
    if (index.active === id) return view(index);
    await this.assertIdle();
    return this.switchTo(index, id);
  }

  /** Refused for the active setup and for one that still has resources (tear them down first). */
  async delete(id: string): Promise<SetupsView> {
    const index = await this.read();
    const entry = entryOf(index, id);
    if (index.active === id) throw new AppError('setups.deleteActive', 'Switch to another setup before deleting this one.');
    if (await this.options.hasResources(entry.file)) throw new AppError('setups.hasResources', 'This setup still has resources in AWS: tear them down first.', { name: entry.name });
    const next = await this.change((current) => ({ ...current, setups: current.setups.filter((s) => s.id !== id) }), id);
    await fs.rm(path.join(this.dataDir, entry.file), { force: true });
    return view(next);
  }

  private async switchTo(index: SetupsIndex, id: string): Promise<SetupsView> {
    const entry = entryOf(index, id);
    const next = await this.change((current) => ({ ...current, active: id }), id);
    await this.store.useFile(entry.file);
    this.options.switched?.(id);
    return view(next);
  }

  private async assertIdle(): Promise<void> {
    if (await this.options.busy()) throw new AppError('setups.busy', 'Wait until the running work of this setup has finished.');
  }

  private async read(): Promise<SetupsIndex> {
    const raw = await readJsonFile(this.file).catch(() => undefined);
    const parsed = raw === undefined ? undefined : setupsIndex.safeParse(raw);
    return parsed?.success ? parsed.data : this.fromSingleSetup();
  }

  /** Today's single setup.json as the first (and active) setup of the list. */
  private async fromSingleSetup(): Promise<SetupsIndex> {
    // setup.json as it is (written now if it never was, so its tag id is the same for every process).
    const state = this.store.fileName === SETUP_FILE ? await this.store.update((s) => s) : freshSetupState();
    return { version: 1, active: state.setupId, setups: [{ id: state.setupId, name: '', file: SETUP_FILE, createdAt: Date.now() }] };
  }

  /** Applies `update` to the list as it is on disk, under the lock, and writes it. */
  private async change(update: (index: SetupsIndex) => SetupsIndex, mustExist?: string): Promise<SetupsIndex> {
    return withFileLock(`${this.file}.lock`, async () => {
      const current = await this.read();
      if (mustExist !== undefined) entryOf(current, mustExist);
      const next = setupsIndex.parse(update(current));
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
      return next;
    }).then((next) => {
      this.options.changed?.();
      return next;
    });
  }
}

function entryOf(index: SetupsIndex, id: string) {
  const entry = index.setups.find((s) => s.id === id);
  if (!entry) throw new AppError('setups.notFound', 'There is no such setup.');
  return entry;
}

function view(index: SetupsIndex): SetupsView {
  return { active: index.active, setups: index.setups.map(({ id, name, createdAt }) => ({ id, name, createdAt })) };
}
