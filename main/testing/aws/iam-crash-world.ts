/**
 * The world the IAM crash tests start from, each time afresh: an account in
 * the stateful IAM/STS mock whose temporary root key sits in a memory vault,
 * and a setup that connects with it. `asProcess` runs work as one app
 * process: its own AWS connection, so nothing in memory survives a "crash".
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SetupState } from '../../../common/contract/schemas/setup';
import { AwsConnection } from '../../aws/aws-connection';
import type { OperationContext } from '../../setup/operation';
import { SetupStateStore } from '../../setup/state-store';
import { MemorySecretStore } from '../vault/memory-secret-store';
import { IamState } from './iam-state';
import { mockAwsClientsFactory } from './mock-clients';

export const CRASH_ACCOUNT = '123456789012';
export const CRASH_ROOT_KEY = { accessKeyId: 'AKIAROOTROOTROOT0001', secretAccessKey: 'rootsecretrootsecretroot' };

export const crashContext = (): OperationContext => ({ signal: new AbortController().signal, progress: () => undefined });

export async function iamCrashWorld(tempPrefix: string, iam?: SetupState['choices']['iam']) {
  const state = new IamState(CRASH_ACCOUNT, CRASH_ROOT_KEY);
  const secrets = new MemorySecretStore();
  const setup = new SetupStateStore(mkdtempSync(path.join(os.tmpdir(), tempPrefix)));
  const rootItemId = (await secrets.seed('aws-access-key', CRASH_ROOT_KEY, 'root (temporary)')).id;
  const { setupId } = await setup.update((s) => ({
    ...s,
    choices: { ...s.choices, awsSource: { kind: 'vault', itemId: rootItemId }, region: 'ap-northeast-2', ...(iam ? { iam } : {}) },
  }));
  const asProcess = async <T>(task: (connection: AwsConnection) => Promise<T>): Promise<T> => {
    const connection = new AwsConnection({ getAccessKey: (id) => secrets.secretOf(id, 'aws-access-key') }, undefined, mockAwsClientsFactory(state));
    try {
      return await task(connection);
    } finally {
      connection.dispose();
    }
  };
  return { state, secrets, setup, rootItemId, setupId, asProcess };
}
