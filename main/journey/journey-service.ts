/**
 * Owns the journey model of the setup and numbers its versions.
 *
 * Anything that can change the model calls `changed()`: the setup state (this
 * process's writes and another process's, seen through the file watch), a
 * step status, an operation's progress or end, the vault. Changes are coalesced
 * for a few milliseconds, the model is rebuilt, and when it differs from the
 * last one it gets the next revision and goes out as `journey.changed`.
 * `snapshot()` is the same value on request (`journey.snapshot`).
 *
 * The AWS resources tagged for the setup are read from AWS (never trusted from
 * setup.json) at start, when the setup's AWS inputs change, when an operation
 * that changes them finishes, and on `journey.refresh`. A read in flight keeps
 * the last result visible (state `reading`); a newer read wins over an older.
 */
import { randomUUID } from 'node:crypto';
import type { AwsResourcesView, JourneySnapshot } from '../../common/contract/schemas/journey';
import type { OpSnapshot, StepStatus } from '../../common/contract/schemas/operations';
import type { TaggedResources } from '../../common/contract/schemas/ec2';
import type { SetupState, StepId } from '../../common/contract/schemas/setup';
import type { SetupsView } from '../../common/contract/schemas/setups';
import { toContractError } from '../setup/contract-error';
import { buildJourneyModel, type VaultItemRef } from './journey-model';
import { pathOf } from './derive';

export interface JourneySources {
  setup(): Promise<SetupState>;
  steps(): StepStatus[];
  operations(): Promise<OpSnapshot[]>;
  /** The vault's items (metadata), or undefined while it is locked. */
  vaultItems(): readonly VaultItemRef[] | undefined;
  /** The setups of this data dir and the active one. */
  setups(): Promise<SetupsView>;
  /** What AWS holds for the setup by its tag; throws an AppError when AWS can't be read. */
  awsResources?(signal: AbortSignal): Promise<TaggedResources>;
  /** The steps an operation kind takes down (its OperationEffects.undoes). */
  undoesOf?(kind: string): readonly StepId[];
  /** True while an operation runs here: its end reads AWS (when it declares awsResources), so a change it records does not. */
  busy?(): boolean;
}

export interface JourneyServiceOptions {
  sources: JourneySources;
  emit(snapshot: JourneySnapshot): void;
  log(message: string, error?: unknown): void;
  /** How long changes are gathered before one rebuild (default 25 ms). */
  coalesceMs?: number;
}

export class JourneyService {
  readonly epoch = randomUUID();
  private revision = 0;
  private last: { json: string; snapshot: JourneySnapshot } | undefined;
  private building: Promise<JourneySnapshot | undefined> = Promise.resolve(undefined);
  private timer: NodeJS.Timeout | undefined;
  private aws: AwsResourcesView = { state: 'unknown' };
  private awsRead: AbortController | undefined;
  private awsInputs: string | undefined;
  private disposed = false;

  constructor(private readonly options: JourneyServiceOptions) {}

  /** Something the model shows may have changed: rebuild soon (changes within a few ms make one revision). */
  changed(): void {
    if (this.disposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, this.options.coalesceMs ?? 25);
  }

  /** The setup state changed (here or in another process): rebuild, and re-read AWS when its inputs changed. */
  setupChanged(state: SetupState): void {
    const inputs = JSON.stringify([state.setupId, state.choices.awsSource ?? null, state.choices.region ?? null, state.resources, pathOf(state)]);
    // A change another process wrote (or a new source, region or setup) is read at once; what an operation
    // running here records is read when it finishes.
    if (this.awsInputs !== undefined && this.awsInputs !== inputs && !this.options.sources.busy?.()) void this.readAwsResources();
    this.awsInputs = inputs;
    this.changed();
  }

  /** The current model, built now if anything changed since the last one. */
  async snapshot(): Promise<JourneySnapshot> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const built = await this.rebuild();
    if (built) return built;
    if (this.last) return this.last.snapshot;
    throw new Error('the journey model could not be built');
  }

  /** Reads what AWS holds for the setup (tagged resources); the model shows it when the read ends. */
  async readAwsResources(): Promise<void> {
    const read = this.options.sources.awsResources;
    if (!read || this.disposed) return;
    const setup = await this.options.sources.setup();
    this.awsInputs ??= JSON.stringify([setup.setupId, setup.choices.awsSource ?? null, setup.choices.region ?? null, setup.resources, pathOf(setup)]);
    this.awsRead?.abort();
    if (pathOf(setup) !== 'aws' || !setup.choices.awsSource) {
      this.awsRead = undefined;
      this.aws = { state: 'unknown' };
      this.changed();
      return;
    }
    const controller = new AbortController();
    this.awsRead = controller;
    this.aws = { ...this.aws, state: 'reading' };
    this.changed();
    let next: AwsResourcesView;
    try {
      next = { state: 'read', found: await read(controller.signal), readAt: Date.now() };
    } catch (error) {
      next = { state: 'error', error: toContractError(error, 'journey.awsResources'), readAt: Date.now() };
    }
    if (this.awsRead !== controller || this.disposed) return; // a newer read started
    this.awsRead = undefined;
    this.aws = next;
    this.changed();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.awsRead?.abort();
  }

  private rebuild(): Promise<JourneySnapshot | undefined> {
    this.building = this.building.then(() => this.build()).catch((error: unknown) => {
      this.options.log('the journey model could not be built', error);
      return undefined;
    });
    return this.building;
  }

  private async build(): Promise<JourneySnapshot | undefined> {
    if (this.disposed) return this.last?.snapshot;
    const { sources } = this.options;
    const [setup, operations, setups] = await Promise.all([sources.setup(), sources.operations(), sources.setups()]);
    const model = buildJourneyModel({ setup, steps: sources.steps(), operations, vaultItems: sources.vaultItems(), aws: this.aws, setups, ...(sources.undoesOf ? { undoesOf: sources.undoesOf } : {}) });
    const json = JSON.stringify(model);
    if (this.last?.json === json) return this.last.snapshot;
    const snapshot: JourneySnapshot = { epoch: this.epoch, revision: ++this.revision, model };
    this.last = { json, snapshot };
    this.options.emit(snapshot);
    return snapshot;
  }
}
