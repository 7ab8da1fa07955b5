/**
 * The whole app (createServices through the contract, like a renderer) with
 * the machine's real sshd as the bring-your-own server: a vault key imported,
 * `ssh.setOwnServer`, a visible terminal open (`ssh.open`). For tests that go
 * through op.start / op.finished exactly as the pages do.
 */
import type { OpFinished } from '../../../common/contract/schemas/operations';
import type { OperationKind, OpInputRequestOf } from '../../../common/contract/operations';
import type { Result } from '../../../common/contract/result';
import { ContractHarness } from '../ssh/contract-harness';
import type { SshdFixture } from '../sshd-fixture';

export interface ContractServer {
  app: ContractHarness;
  sessionId: string;
  start<K extends OperationKind>(kind: K, input: OpInputRequestOf<K>): Promise<Result<{ opId: string }>>;
  /** Starts an operation and waits for its op.finished event. */
  run<K extends OperationKind>(kind: K, input: OpInputRequestOf<K>, timeoutMs?: number): Promise<OpFinished>;
}

export async function contractServer(sshd: SshdFixture): Promise<ContractServer> {
  const app = await ContractHarness.start();
  const keyId = await app.importKey('onramp-test.pem', sshd.keys.ed25519.privateKey);
  await app.invoke('ssh.setOwnServer', { server: { host: sshd.host, port: sshd.port, user: sshd.user, keyId } });
  const { sessionId } = await app.invoke('ssh.open', { target: 'ownServer', cols: 160, rows: 40 });
  const start = <K extends OperationKind>(kind: K, input: OpInputRequestOf<K>) =>
    app.call('op.start', { kind, input }) as Promise<Result<{ opId: string }>>;
  return {
    app,
    sessionId,
    start,
    run: (kind, input, timeoutMs = 120_000) => app.runOperation(kind, input, timeoutMs),
  };
}
