/**
 * The App capability on a real Ubuntu machine (main/testing/systemd-server),
 * wired the way the composition root wires it: a real SetupStateStore with
 * the own server pointing at the machine and a domain, the product's
 * SshSessionManager with the machine's host key pinned and a visible
 * terminal, the settings and deploy key test doubles, and the Web server step
 * applied first (web-server.apply). Operations run through
 * `createAppCapability(deps)` and each operation's `run(input, context)`, their
 * input and result parsed with the contract's schemas as the engine does.
 *
 * Also: a bare git repository on the machine served over SSH to a deploy key
 * (`git@git.onramp.test:onramp/app.git`), and the domain asked through nginx.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { operations, type OperationKind, type OpInputRequestOf, type OpResultOf } from '../../../common/contract/operations';
import { webServerForm } from '../../../common/contract/schemas/server';
import type { AppStepDeps } from '../../app/app-deps';
import { createAppCapability, type AppCapability } from '../../app/app-capability';
import { shellQuote } from '../../server/shell-quote';
import { webServerApplyOperation } from '../../server/steps/web-server-operations';
import type { OperationContext } from '../../setup/operation';
import { SetupStateStore } from '../../setup/state-store';
import { MACHINE_KEY_ID, productSsh, type ProductSsh } from '../systemd-server/product-ssh';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from '../systemd-server/ubuntu-machine';
import { MemoryAppSettings, TestDeployKeys } from './app-test-doubles';
import { testTreeUploader } from './test-tree-uploader';

export const GIT_HOST = 'git.onramp.test';
export const GIT_URL = `git@${GIT_HOST}:onramp/app.git`;

export interface AppMachine {
  machine: UbuntuMachine;
  ssh: ProductSsh;
  store: SetupStateStore;
  deps: AppStepDeps;
  app: AppCapability;
  settings: MemoryAppSettings;
  domain: string;
  /** Runs an App operation (or web-server.apply) as the engine does: input and result parsed. */
  op<K extends OperationKind>(kind: K, input: OpInputRequestOf<K>): Promise<OpResultOf<K>>;
  /** What the domain answers through the machine's nginx (curl on the machine with the Host header). */
  answer(): Promise<{ status: number; body: string }>;
  /** Phases the operations reported, in order. */
  phases: string[];
  stop(): Promise<void>;
}

export const neverCancelled: AbortSignal = new AbortController().signal;

export async function startAppMachine(release: UbuntuRelease, domain: string, options: { rebootable?: boolean } = {}): Promise<AppMachine> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-app-machine-'));
  const machine = await startUbuntuMachine({ release, ...(options.rebootable ? { rebootable: true } : {}) });
  let ssh: ProductSsh | undefined;
  try {
    ssh = await productSsh(machine);
    const manager = ssh.manager;
    const store = new SetupStateStore(dataDir);
    await store.update((state) => ({
      ...state,
      choices: { ...state.choices, path: 'own-server', domain, ownServer: { host: machine.host, port: machine.port, user: machine.user, keyId: MACHINE_KEY_ID } },
    }));
    const settings = new MemoryAppSettings();
    const remoteSsh = {
      exec: manager.exec.bind(manager),
      writeFile: manager.writeFile.bind(manager),
      runInTerminal: manager.runInTerminal.bind(manager),
    };
    const deps: AppStepDeps = {
      setup: store,
      ssh: { ...remoteSsh, ...testTreeUploader(remoteSsh) },
      knownHosts: ssh.knownHosts,
      settings,
      deployKeys: new TestDeployKeys(),
      chooseFolder: async () => null,
    };
    const app = createAppCapability(deps);
    const runnable = [...app.operations, webServerApplyOperation({ ssh: remoteSsh, setup: store })];
    const phases: string[] = [];
    const context: OperationContext = { signal: neverCancelled, progress: (update) => void phases.push(update.phase) };
    const op = async <K extends OperationKind>(kind: K, input: OpInputRequestOf<K>): Promise<OpResultOf<K>> => {
      const operation = runnable.find((o) => o.kind === kind);
      if (!operation) throw new Error(`no operation ${kind}`);
      const result = await operation.run(operations[kind].input.parse(input), context);
      return operations[kind].result.parse(result) as OpResultOf<K>;
    };
    const answer = async () => {
      const out = await machine.run(`curl -s -m 5 -w '\\n%{http_code}' -H ${shellQuote(`Host: ${domain}`)} http://127.0.0.1/`);
      const cut = out.lastIndexOf('\n');
      return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
    };
    const opened = ssh;
    return {
      machine,
      ssh: opened,
      store,
      deps,
      app,
      settings,
      domain,
      op,
      answer,
      phases,
      async stop() {
        app.dispose();
        await opened.dispose();
        await machine.stop();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await ssh?.dispose();
    await machine.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The Web server step as the user runs it before the App step: nginx proxying the domain to :8000. */
export async function applyWebServerStep(fixture: AppMachine): Promise<void> {
  await fixture.op('web-server.apply', { sessionId: fixture.ssh.sessionId, form: webServerForm.parse({ domain: fixture.domain }) });
}

/**
 * A bare repository `/home/git/onramp/app.git` with one commit of `files` on
 * `main` (its commit is returned), reached over the machine's own sshd as `git@git.onramp.test`
 * (→ 127.0.0.1 in /etc/hosts) with `publicKey` only, through git-shell.
 */
export async function serveGitRepository(machine: UbuntuMachine, publicKey: string, files: Record<string, string>): Promise<string> {
  await machine.run('command -v git >/dev/null || sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git 2>&1 || { sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git; } 2>&1', 300_000);
  const writes = Object.entries(files)
    .map(([name, text]) => `mkdir -p "$(dirname ${shellQuote(name)})" && echo ${Buffer.from(text).toString('base64')} | base64 -d > ${shellQuote(name)}`)
    .join(' && ');
  const script = [
    'set -e',
    `grep -q ' ${GIT_HOST}$' /etc/hosts || echo '127.0.0.1 ${GIT_HOST}' >> /etc/hosts`,
    'id -u git >/dev/null 2>&1 || useradd --create-home --shell /usr/bin/git-shell git',
    'install -d -o git -g git -m 700 /home/git/.ssh',
    `echo ${shellQuote(publicKey)} > /home/git/.ssh/authorized_keys`,
    'chown git:git /home/git/.ssh/authorized_keys && chmod 600 /home/git/.ssh/authorized_keys',
    'rm -rf /home/git/onramp /tmp/app-work && install -d -o git -g git /home/git/onramp',
    'sudo -u git git init -q --bare -b main /home/git/onramp/app.git',
    'mkdir /tmp/app-work && cd /tmp/app-work && git init -q -b main',
    writes,
    'git add -A && git -c user.name=Test -c user.email=test@onramp.test commit -q -m first',
    'commit=$(git rev-parse HEAD)',
    'chown -R git:git /tmp/app-work && sudo -u git git push -q /home/git/onramp/app.git main',
    'echo "$commit"',
  ].join('\n');
  return (await machine.run(`echo ${Buffer.from(script).toString('base64')} | base64 -d | sudo sh`, 60_000)).trim().split('\n').at(-1) ?? '';
}
