/** The servers the Connect page offers, read from the setup state (no key material: just a vault item id). */
import type { SetupState } from '../../../common/contract/schemas/setup';

export type ServerRef = 'setup' | 'ownServer';

export interface ServerChoice {
  readonly ref: ServerRef;
  /** undefined: not available yet (no instance launched / nothing in Settings). */
  readonly server: { host: string; port: number; user: string } | undefined;
  /** The vault item of its key (an id, never key material), for `vault.export`. */
  readonly keyId: string | undefined;
}

export function serverChoices(setup: SetupState): ServerChoice[] {
  const { elasticIp, sshKeyItemId } = setup.resources;
  const own = setup.choices.ownServer;
  const setupServer: ServerChoice = { ref: 'setup', server: elasticIp && sshKeyItemId ? { host: elasticIp, port: 22, user: 'ubuntu' } : undefined, keyId: sshKeyItemId };
  const ownServer: ServerChoice = { ref: 'ownServer', server: own ? { host: own.host, port: own.port, user: own.user } : undefined, keyId: own?.keyId };
  // On the own-server path there is no EC2 server to offer.
  return setup.choices.path === 'own-server' ? [ownServer] : [setupServer, ownServer];
}

/** `user@host` or `user@host:port`. */
export function serverLabel(server: { host: string; port: number; user: string }): string {
  return `${server.user}@${server.host}${server.port === 22 ? '' : `:${server.port}`}`;
}
