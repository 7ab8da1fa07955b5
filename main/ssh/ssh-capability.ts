/**
 * Builds the SSH capability for the composition root: one SshSessionManager
 * whose keys come from the vault (in memory only), whose pins live in
 * `<dataDir>/known_hosts`, whose EC2 host keys come from the setup's instance
 * console, and whose events go to the EventBus.
 */
import type { AwsConnection } from '../aws/aws-connection';
import type { HandlersFor } from '../../common/contract/types';
import type { EventBus } from '../ipc/event-bus';
import type { SetupStateStore } from '../setup/state-store';
import { sshPrivateKeyText } from '../vault/export';
import type { StepDefinition } from '../setup/step';
import type { KeyExportDeps } from './copy-command';
import { setupConsoleHostKeys } from './console-source';
import { connectStep } from './connect-step';
import { KnownHosts } from './known-hosts';
import type { SshEvents } from './ssh-events';
import { sshHandlers } from './ssh-handlers';
import { SshSessionManager, type SshTiming } from './ssh-session-manager';

export interface SshCapabilityDeps {
  dataDir: string;
  events: EventBus;
  setup: SetupStateStore;
  /** The vault's narrow store (keys for connections and export), dialogs and the clipboard. */
  keys: KeyExportDeps;
  aws: Pick<AwsConnection, 'current'>;
  timing?: Partial<SshTiming>;
}

export interface SshCapability {
  manager: SshSessionManager;
  /** The data dir's known_hosts, shared by every SSH user so a new pin is seen by all. */
  knownHosts: KnownHosts;
  handlers: HandlersFor<'ssh'>;
  /** The Connect step's check (for the step engine). */
  steps: StepDefinition[];
  /** Connect has no long operation: terminals are sessions, not operations. */
  operations: [];
  dispose(): void;
}

/** Forwards the manager's events to the renderer through the contract's event schemas. */
export function busEvents(events: EventBus): SshEvents {
  return {
    data: (sessionId, data) => events.emit('ssh.data', { sessionId, data }),
    closed: (sessionId, reason) => events.emit('ssh.closed', { sessionId, reason }),
    hostKeyPrompt: (prompt) => events.emit('ssh.hostKeyPrompt', { ...prompt }),
    hostKeyPromptCancelled: (promptId) => events.emit('ssh.hostKeyPromptCancelled', { promptId }),
  };
}

export function createSshCapability(deps: SshCapabilityDeps): SshCapability {
  const knownHosts = KnownHosts.inDataDir(deps.dataDir);
  const manager = new SshSessionManager({
    getPrivateKey: (keyId) => sshPrivateKeyText(deps.keys.secrets, keyId),
    events: busEvents(deps.events),
    knownHosts,
    consoleHostKeys: setupConsoleHostKeys(deps.setup, deps.aws),
    timing: deps.timing,
  });
  return {
    manager,
    knownHosts,
    handlers: sshHandlers({ manager, setup: deps.setup, keys: deps.keys }),
    steps: [connectStep({ manager, knownHosts })],
    operations: [],
    dispose: () => manager.dispose(),
  };
}
