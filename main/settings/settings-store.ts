import path from 'node:path';
import { z } from 'zod';
import { settings as settingsSchema } from '../../common/contract/schemas/app';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';
import { withFileLock } from '../storage/file-lock';

export type Settings = z.infer<typeof settingsSchema>;
const defaults: Settings = { language: 'system' };

/** User preferences (`settings.json`): the language, for now. */
export class SettingsStore {
  private current: Settings | undefined;
  private readonly file: string;

  constructor(dataDir: string, private readonly onChange: (s: Settings) => void = () => {}) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    if (!this.current) {
      const raw = await readJsonFile(this.file).catch(() => undefined);
      const parsed = settingsSchema.safeParse({ ...defaults, ...(typeof raw === 'object' ? raw : {}) });
      this.current = parsed.success ? parsed.data : defaults;
    }
    return this.current;
  }

  /** Under a cross-process lock, on the file as it is on disk (another Onramp may have changed it). */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = await withFileLock(`${this.file}.lock`, async () => {
      this.current = undefined;
      const merged = settingsSchema.parse({ ...(await this.get()), ...patch });
      await writeFileAtomic(this.file, JSON.stringify(merged, null, 2));
      this.current = merged;
      return merged;
    });
    this.onChange(next);
    return next;
  }
}
