#!/usr/bin/env node
/**
 * The AWS API emulator kept beside the project (../shared/tools/moto, see its README) for
 * `e2e/aws-live.spec.ts`. Nothing of moto is copied into the repository: its source is
 * untarred into a temporary folder, its AMIs file written with moto-amis.py, and it is started
 * with moto-up.sh on a free loopback port.
 *
 * Two modes:
 *   plain     any key is accepted (AWS_ACCESS_KEY_ID=testing).
 *   enforced  IAM policies are judged (INITIAL_NO_AUTH_ACTION_COUNT). The first, unchecked calls
 *             make an administrator user and its access key; that key stands in for the
 *             credentials that create the setup, as a real account's would.
 *
 * As a command (for a developer):
 *   node .ci/moto.mjs [--enforced] -- npx playwright test e2e/aws-live.spec.ts
 * runs the command with ONRAMP_LIVE_AWS=1 and the AWS_* variables pointing at the emulator,
 * then stops it. `.ci/test-all.mjs` uses `startMoto` the same way.
 */
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** Where the emulator is kept, beside the clone (ONRAMP_MOTO_DIR overrides it); absent in a user's clone. */
export const motoDir = path.resolve(root, process.env['ONRAMP_MOTO_DIR'] ?? '../shared/tools/moto');
const TARBALL = 'moto-5.2.2-src.tar.gz';
export const REGION = 'ap-northeast-2';
/** CreateUser, AttachUserPolicy, CreateAccessKey: the calls moto lets through unchecked. */
const UNCHECKED_CALLS = 3;
const ADMIN = 'onramp-ci-admin';

/** Why the live spec cannot run against the emulator here, or undefined when it can. */
export function motoMissing() {
  if (!existsSync(path.join(motoDir, TARBALL))) return `no AWS API emulator at ${motoDir} (it is kept beside the project, not in it)`;
  const python = process.env['MOTO_PYTHON'] ?? '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import boto3, werkzeug, flask, flask_cors, xmltodict, responses, cryptography, dateutil, jinja2, yaml'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${python} lacks the emulator's python3-* packages (see ${motoDir}/README.md)`;
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function runQuiet(command, args, env) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} failed (${r.status}): ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/**
 * Starts the emulator. Returns the environment for the live spec (an undefined value: unset it, so no
 * session token or profile of the machine's mixes in) and `stop()`.
 * @param {{ enforced?: boolean, log?: string }} options  log: where the emulator's request log goes (kept after stop)
 */
export async function startMoto({ enforced = false, log = path.join(root, 'artifacts', `moto${enforced ? '-enforced' : ''}.log`) } = {}) {
  const began = Date.now();
  const work = mkdtempSync(path.join(os.tmpdir(), 'onramp-moto-'));
  mkdirSync(path.dirname(log), { recursive: true });
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const pidFile = `/tmp/moto-${port}.pid`;
  const stop = () => {
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      try {
        if (pid > 0) process.kill(pid);
      } catch {
        // already gone
      }
      rmSync(pidFile, { force: true });
    }
    rmSync(work, { recursive: true, force: true });
  };
  process.once('exit', stop); // never leave an emulator behind, even when the runner dies
  try {
    runQuiet('tar', ['xzf', path.join(motoDir, TARBALL), '-C', work]);
    const amis = path.join(work, 'amis.json');
    runQuiet(process.env['MOTO_PYTHON'] ?? '/usr/bin/python3', [path.join(motoDir, 'moto-amis.py'), work, amis]);
    runQuiet('bash', [path.join(motoDir, 'moto-up.sh'), work, String(port)], {
      MOTO_AMIS_PATH: amis,
      MOTO_LOG: log,
      ...(enforced ? { INITIAL_NO_AUTH_ACTION_COUNT: String(UNCHECKED_CALLS) } : {}),
    });
    let credentials = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    if (enforced) credentials = await makeAdministrator(endpoint);
    return {
      endpoint,
      log,
      startedInMs: Date.now() - began,
      env: { ONRAMP_LIVE_AWS: '1', AWS_ENDPOINT_URL: endpoint, AWS_REGION: REGION, ...credentials, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The unchecked calls: an administrator and its key; then proves the key is the only way in. */
async function makeAdministrator(endpoint) {
  const unchecked = new IAMClient({ region: REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  try {
    await unchecked.send(new CreateUserCommand({ UserName: ADMIN }));
    await unchecked.send(new AttachUserPolicyCommand({ UserName: ADMIN, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    const { AccessKey } = await unchecked.send(new CreateAccessKeyCommand({ UserName: ADMIN }));
    if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error('moto: CreateAccessKey returned no key');
    // Policies are enforced from here on: the made-up key must now be refused.
    const refused = await unchecked.send(new GetUserCommand({})).then(() => false, () => true);
    if (!refused) throw new Error('moto: IAM policies are not enforced after the unchecked calls');
    return { AWS_ACCESS_KEY_ID: AccessKey.AccessKeyId, AWS_SECRET_ACCESS_KEY: AccessKey.SecretAccessKey };
  } finally {
    unchecked.destroy();
  }
}

// As a command: node .ci/moto.mjs [--enforced] -- <command …>
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const enforced = args.includes('--enforced');
  const command = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
  const missing = motoMissing();
  if (missing) {
    console.error(`moto: ${missing}`);
    process.exit(2);
  }
  const moto = await startMoto({ enforced });
  console.error(`moto: ${moto.endpoint}${enforced ? ' (IAM policies enforced)' : ''}, up in ${moto.startedInMs} ms, log ${moto.log}`);
  if (command.length === 0) {
    console.log(Object.entries(moto.env).map(([k, v]) => `${k}=${v}`).join('\n'));
    console.error('moto: no command given; Ctrl-C stops it');
    process.on('SIGINT', () => (moto.stop(), process.exit(0)));
  } else {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, ...moto.env } });
    child.on('exit', (code, signal) => {
      moto.stop();
      process.exit(code ?? (signal ? 1 : 0));
    });
  }
}
