/**
 * The SSH terminal's contract handlers (`ssh.*`). Targets are resolved in
 * main from the setup state, so the renderer never needs more than a vault
 * key id; output and host key questions go out as `ssh.*` events.
 */
import type { HandlersFor } from '../../common/contract/types';
import type { SetupStateStore } from '../setup/state-store';
import { vaultError } from '../vault/errors';
import { copySshCommand, type KeyExportDeps } from './copy-command';
import type { SshSessionManager } from './ssh-session-manager';
import { sshError } from './ssh-errors';
import { resolveTarget } from './target-resolver';

export interface SshHandlerDeps {
  manager: SshSessionManager;
  setup: SetupStateStore;
  /** The vault's narrow store, dialogs and the clipboard (key export, ssh command). */
  keys: KeyExportDeps;
}

const done = {};

export function sshHandlers({ manager, setup, keys }: SshHandlerDeps): HandlersFor<'ssh'> {
  const resolve = async (ref: Parameters<typeof resolveTarget>[0]) => resolveTarget(ref, await setup.get());
  return {
    'ssh.open': async ({ target, cols, rows }) => {
      const server = await resolve(target);
      const sessionId = await manager.openShell(server, { cols, rows });
      return { sessionId, server };
    },
    'ssh.write': ({ sessionId, data }) => {
      manager.write(sessionId, data);
      return done;
    },
    'ssh.resize': ({ sessionId, cols, rows }) => {
      manager.resize(sessionId, cols, rows);
      return done;
    },
    'ssh.ack': ({ sessionId, count }) => {
      manager.ack(sessionId, count);
      return done;
    },
    'ssh.close': ({ sessionId }) => {
      manager.close(sessionId);
      return done;
    },
    'ssh.reconnect': async ({ sessionId }) => {
      await manager.reconnect(sessionId);
      return done;
    },
    'ssh.answerHostKey': ({ promptId, accept }) => {
      manager.answerHostKey(promptId, accept);
      return done;
    },
    'ssh.forgetHost': async ({ host, port }) => ({ removed: await manager.forgetHost(host, port) }),
    'ssh.runInTerminal': ({ sessionId, command, timeoutMs }) => manager.runInTerminal(sessionId, command, { timeoutMs }),
    'ssh.copyCommand': async ({ target }) => copySshCommand(keys, await resolve(target)),
    'ssh.setOwnServer': async ({ server }) => {
      if (server) {
        const meta = keys.secrets.find(server.keyId);
        if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id: server.keyId });
        if (meta.kind !== 'ssh-key') throw sshError('ssh.notAnSshKey', `Vault item ${server.keyId} is not an SSH key.`, { label: meta.label });
      }
      return setup.update((state) => {
        const choices = { ...state.choices };
        if (server) choices.ownServer = server;
        else delete choices.ownServer;
        return { ...state, choices };
      });
    },
  };
}
