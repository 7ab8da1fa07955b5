/**
 * The App step for the composition root: its check, its operations
 * (inspect, deploy, rollback, settings, test access, care, reboot, undo) and
 * the `deploy.*` handlers. The last failed deploy's journal is kept here so
 * the page can show it after the candidate's transient unit is gone.
 */
import type { HandlersFor } from '../../common/contract/types';
import { AppError } from '../../common/errors';
import type { RunnableOperation } from '../setup/operation';
import type { StepDefinition } from '../setup/step';
import { connectionKey, type SshTarget } from '../ssh/ssh-target';
import type { AppStepDeps } from './app-deps';
import { appFacts } from './app-facts';
import { careOperation, rebootOperation } from './care-operations';
import { rollbackOperation, removeOperation, setEnvOperation, testAccessOperation } from './app-operations';
import { appStep } from './app-step';
import { readAppStatus, type FailureRecord } from './app-status';
import { deployOperation, memoryMaxOf, readMeminfo } from './deploy-operation';
import { parseMeminfo } from './server-care';
import { sshRemote } from '../server/remote';
import { stepServer } from '../server/step-server';
import { journalFollowCommand } from './failure-causes';
import { deployKeyPlace, parseGitUrl } from './git-source';
import { inspectOperation } from './inspect-operation';
import { environmentFilePath, renderUnit } from './systemd-unit';

export interface AppCapability {
  steps: StepDefinition[];
  operations: RunnableOperation[];
  handlers: HandlersFor<'deploy'>;
  dispose(): void;
}

export function createAppCapability(deps: AppStepDeps): AppCapability {
  let lastFailure: FailureRecord | undefined;
  const memory = new Map<string, Promise<number>>();
  const memoryOf = (target: SshTarget): Promise<number> => {
    const key = connectionKey(target);
    let known = memory.get(key);
    if (!known) {
      known = readMeminfo(sshRemote(deps.ssh, target)).then((text) => parseMeminfo(text).memTotalBytes);
      known.catch(() => memory.delete(key)); // a failed read is asked again next time
      memory.set(key, known);
    }
    return known;
  };
  const recorder = { failed: (record: FailureRecord | undefined) => void (lastFailure = record) };
  return {
    steps: [appStep(deps)],
    operations: [inspectOperation(deps), deployOperation(deps, recorder), rollbackOperation(deps), setEnvOperation(deps), testAccessOperation(deps), careOperation(deps), rebootOperation(deps), removeOperation(deps)],
    dispose: () => undefined,
    handlers: {
      'deploy.status': async () => readAppStatus(deps, lastFailure),
      'deploy.previewUnit': async ({ plan }) => {
        const setup = await deps.setup.get();
        const facts = appFacts(setup);
        // MemoryMax as the deploy writes it: from the server's memory (read once per server, not per edit of the plan).
        const text = plan.runtime === 'static' ? '' : renderUnit({ name: facts.unit, baseDir: facts.baseDir, port: facts.port, plan, memoryMaxMb: memoryMaxOf(await memoryOf(stepServer(setup).target)) });
        return { unit: facts.unit, path: `/etc/systemd/system/${facts.unit}.service`, text, environmentFile: environmentFilePath(facts.unit) };
      },
      'deploy.settings': async () => {
        const setup = await deps.setup.get();
        const stored = await deps.settings.read(setup.resources.appSettingsItemId);
        const settings = [...stored.values.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, value]) => (stored.secretNames.has(name) ? { name, secret: true } : { name, secret: false, value }));
        return { settings };
      },
      'deploy.deployKey': async ({ url }) => {
        const parsed = parseGitUrl(url);
        if (!parsed) throw new AppError('app.badGitUrl', 'Not a git URL Onramp can use.');
        const setup = await deps.setup.get();
        let key = deps.deployKeys.publicOf(setup.resources.deployKeyItemId);
        if (!key) {
          const made = await deps.deployKeys.create(`${parsed.host}/${parsed.path.replace(/\.git$/, '')}`);
          await deps.setup.update((state) => ({ ...state, resources: { ...state.resources, deployKeyItemId: made.itemId } }));
          key = made;
        }
        return { publicKey: key.publicKey, fingerprint: key.fingerprint, place: deployKeyPlace(parsed) };
      },
      'deploy.chooseFolder': async () => {
        const chosen = await deps.chooseFolder();
        return chosen ? { path: chosen } : {};
      },
      'deploy.logsCommand': async () => ({ command: journalFollowCommand(appFacts(await deps.setup.get()).unit) }),
    },
  };
}
