import path from 'node:path';
import { z } from 'zod';
import { settings as settingsSchema } from '../../common/contract/schemas/app';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';

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

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    this.onChange(next);
    return next;
  }
}
