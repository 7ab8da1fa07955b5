/**
 * What the Secure the account step's check, operations and handlers share:
 * the live AWS connection (re-established from the remembered source after a
 * restart), the setup state, the vault's narrow SecretStore and the pending
 * MFA enrollments.
 */
import { IAMClient } from '@aws-sdk/client-iam';

import type { UiLanguage } from '../../../common/contract/schemas/app';
import type { IamChoices } from '../../../common/contract/schemas/iam';
import type { AwsConnection, VerifiedConnection } from '../aws-connection';
import { iamError } from '../iam/iam-errors';
import type { MfaEnrollments } from '../iam/virtual-mfa';
import type { SecretStore } from '../../vault/secret-store';
import type { SetupStateStore } from '../../setup/state-store';

export interface SecureAccountDeps {
  connection: AwsConnection;
  setup: SetupStateStore;
  secrets: SecretStore;
  mfa: MfaEnrollments;
  /** The language the window shows: vault items made here are named in it (default English). */
  itemLanguage?: () => UiLanguage;
}

/** The verified connection; after a restart, reconnects with the source and region Connect AWS remembered. */
export async function liveConnection({ connection, setup }: Pick<SecureAccountDeps, 'connection' | 'setup'>): Promise<VerifiedConnection> {
  const current = connection.current();
  if (current) return current;
  const { choices } = await setup.get();
  if (!choices.awsSource || !choices.region) throw iamError('notConnected', 'Connect AWS first');
  return connection.connect(choices.awsSource, choices.region);
}

export function iamOf(live: VerifiedConnection): IAMClient {
  return live.clients.get(IAMClient);
}

export async function chosenIamUser(setup: SetupStateStore): Promise<IamChoices> {
  const chosen = (await setup.get()).choices.iam;
  if (!chosen) throw iamError('userNotCreated', 'Create the IAM user first');
  return chosen;
}
