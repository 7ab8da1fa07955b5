/**
 * The whole app (createServices through the contract, like a renderer) with
 * the machine's real sshd as the bring-your-own server: a vault key imported,
 * `ssh.setOwnServer`, a visible terminal open (`ssh.open`). For tests that go
 * through op.start / op.finished exactly as the pages do.
 */
import { promises as fs } from 'node:fs';
import { KnownHosts } from '../../ssh/known-hosts';
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

/** A bring-your-own server to reach: where, as whom, with which key; and its host key line when already known. */
export interface ContractTarget {
  host: string;
  port: number;
  user: string;
  privateKey: string;
  /** A known_hosts line pinned before connecting (as after an earlier visit); without it the host key prompt is answered yes. */
  knownHostsLine?: string;
}

export async function contractServer(sshd: SshdFixture): Promise<ContractServer> {
  return contractServerAt({ host: sshd.host, port: sshd.port, user: sshd.user, privateKey: sshd.keys.ed25519.privateKey });
}

export async function contractServerAt(target: ContractTarget): Promise<ContractServer> {
  const app = await ContractHarness.start();
  if (target.knownHostsLine) await fs.appendFile(KnownHosts.inDataDir(app.dataDir).filePath, `${target.knownHostsLine}\n`);
  const keyId = await app.importKey('onramp-test.pem', target.privateKey);
  await app.invoke('ssh.setOwnServer', { server: { host: target.host, port: target.port, user: target.user, keyId } });
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
