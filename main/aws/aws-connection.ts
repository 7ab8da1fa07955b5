/**
 * The verified AWS connection of this session: the clients for one credential
 * source and region, kept only after STS GetCallerIdentity succeeded. Later
 * steps (launch server, static IP, …) take their clients from here.
 */
import { createAwsClients, type AwsClients } from './client-factory';
import type { CredentialSource, CredentialSourceDeps } from './credential-source';
import { verifyIdentity, type CallerIdentity } from './identity';

export interface VerifiedConnection {
  source: CredentialSource;
  region: string;
  identity: CallerIdentity;
  clients: AwsClients;
}

export class AwsConnection {
  private verified: VerifiedConnection | null = null;

  constructor(
    private readonly deps: CredentialSourceDeps,
    private readonly appVersion?: string,
  ) {}

  /** Builds clients for the source, asks STS who they are; replaces the current connection only on success. */
  async connect(source: CredentialSource, region: string): Promise<VerifiedConnection> {
    const clients = await createAwsClients({ source, deps: this.deps, region, fallbackRegion: region, appVersion: this.appVersion });
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

  current(): VerifiedConnection | null {
    return this.verified;
  }

  dispose(): void {
    this.verified?.clients.destroy();
    this.verified = null;
  }
}
