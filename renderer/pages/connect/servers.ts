/**
 * The servers the Connect page offers, as the journey model names them
 * (main/journey/derive.ts works out host, port, user and key; nothing here
 * derives a server). No key material: just a vault item id.
 */
import type { JourneyModel } from '../../../common/contract/schemas/journey';

export type ServerRef = 'setup' | 'ownServer';

export interface ServerChoice {
  readonly ref: ServerRef;
  /** undefined: not available yet (no instance launched / nothing in Settings). */
  readonly server: { host: string; port: number; user: string; label: string } | undefined;
  /** The vault item of its key (an id, never key material), for `vault.export`. */
  readonly keyId: string | undefined;
}

export function serverChoices(journey: JourneyModel): ServerChoice[] {
  // On the own-server path there is no EC2 server to offer.
  const refs = journey.derived.path === 'own-server' ? (['ownServer'] as const) : (['setup', 'ownServer'] as const);
  return refs.map((ref) => {
    const server = journey.derived.servers.find((s) => s.ref === ref);
    return { ref, server: server ? { host: server.host, port: server.port, user: server.user, label: server.label } : undefined, keyId: server?.keyId };
  });
}
