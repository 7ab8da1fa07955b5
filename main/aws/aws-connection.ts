/**
 * The verified AWS connection of this session: the clients for one credential
 * source and region, kept only after STS GetCallerIdentity succeeded. Later
 * steps (launch server, static IP, …) take their clients from here.
 */
import { createAwsClients, type AwsClients, type CreateAwsClientsOptions } from './client-factory';
import type { CredentialSource, CredentialSourceDeps } from './credential-source';
import { verifyIdentity, type CallerIdentity } from './identity';

export interface VerifiedConnection {
  source: CredentialSource;
  region: string;
  identity: CallerIdentity;
  clients: AwsClients;
}

/** How clients are made: createAwsClients, unless the composition root was given another (e.g. the e2e's stateful mock). */
export type AwsClientsFactory = (options: CreateAwsClientsOptions) => Promise<AwsClients>;

export class AwsConnection {
  private verified: VerifiedConnection | null = null;

  constructor(
    private readonly deps: CredentialSourceDeps,
    private readonly appVersion?: string,
    private readonly createClients: AwsClientsFactory = createAwsClients,
  ) {}

  /** Builds clients for the source, asks STS who they are; replaces the current connection only on success. */
  async connect(source: CredentialSource, region: string): Promise<VerifiedConnection> {
    const clients = await this.clientsFor(source, region);
    let identity: CallerIdentity;
    try {
      identity = await verifyIdentity(clients);
    } catch (error) {
      clients.destroy();
      throw error;
    }
    this.verified?.clients.destroy();
    this.verified = { source, region: clients.region, identity, clients };
    return this.verified;
  }

  /** Asks STS who a source belongs to without touching the current connection. */
  probe(source: CredentialSource, region: string): Promise<CallerIdentity> {
    return this.withClients(source, region, (clients) => verifyIdentity(clients));
  }

  /** Runs work with private clients for a source (not replaced when the connection changes), then closes them. */
  async withClients<T>(source: CredentialSource, region: string, work: (clients: AwsClients) => Promise<T>): Promise<T> {
    const clients = await this.clientsFor(source, region);
    try {
      return await work(clients);
    } finally {
      clients.destroy();
    }
  }

  /** The live connection when it uses `source` (and `region`, when given); null otherwise. */
  currentFor(source: CredentialSource, region?: string): VerifiedConnection | null {
    const live = this.verified;
    if (!live || JSON.stringify(live.source) !== JSON.stringify(source)) return null;
    return region === undefined || live.region === region ? live : null;
  }

  current(): VerifiedConnection | null {
    return this.verified;
  }

  private clientsFor(source: CredentialSource, region: string): Promise<AwsClients> {
    return this.createClients({ source, deps: this.deps, region, fallbackRegion: region, appVersion: this.appVersion });
  }

  dispose(): void {
    this.verified?.clients.destroy();
    this.verified = null;
  }
}
