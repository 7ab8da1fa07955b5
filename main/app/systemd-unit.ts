/**
 * The app's systemd unit: one per app, a dedicated system user that cannot
 * log in, Restart=always with a start-limit, memory and task limits, the
 * environment from a root-owned 0600 file, and the sandboxing systemd offers
 * to a service that only needs its release folder. Previewed on the page
 * exactly as it will be written (like the nginx site).
 */
import type { AppPlan } from './runtime-plan';

export interface UnitInput {
  /** `onramp-<app>`: the unit and the system user share it. */
  name: string;
  /** The app's base folder: `<base>/current` is the running release. */
  baseDir: string;
  port: number;
  plan: AppPlan;
  /** MemoryMax in MiB (bounded so a leak cannot take the server down with it). */
  memoryMaxMb: number;
}

const NAME = /^onramp-[a-z0-9][a-z0-9-]{0,40}$/;
const BASE = /^\/srv\/[a-z0-9][a-z0-9-]{0,62}$/;

export function appUnitName(app: string): string {
  const name = `onramp-${app}`;
  if (!NAME.test(name)) throw new Error(`not an app name: ${app}`);
  return name;
}

export function environmentFilePath(name: string): string {
  return `/etc/onramp/${name}.env`;
}

/** systemd runs ExecStart without a shell: `$PORT` becomes `${PORT}`, read from the unit's Environment. */
function execStart(plan: AppPlan, current: string): string {
  const command = plan.start.replace(/\$PORT\b/g, '${PORT}');
  if (command.startsWith('/')) return command;
  return `${current}/${command}`;
}

export function renderUnit(input: UnitInput): string {
  if (!NAME.test(input.name)) throw new Error(`unit name ${input.name} is not allowed`);
  if (!BASE.test(input.baseDir)) throw new Error(`app folder ${input.baseDir} is not under /srv`);
  if (!Number.isInteger(input.port) || input.port < 1024 || input.port > 65535) throw new Error(`port ${input.port} is out of range`);
  if (input.plan.runtime === 'static') throw new Error('a static site has no service');
  const current = `${input.baseDir}/current`;
  const memory = Math.max(128, Math.min(Math.round(input.memoryMaxMb), 16384));
  return [
    '# Written by Onramp. Edits are replaced on the next deploy.',
    '[Unit]',
    `Description=${input.name} (deployed by Onramp)`,
    'After=network-online.target',
    'Wants=network-online.target',
    'StartLimitIntervalSec=60',
    'StartLimitBurst=5',
    '',
    '[Service]',
    'Type=simple',
    `User=${input.name}`,
    `Group=${input.name}`,
    `WorkingDirectory=${current}`,
    `Environment=PORT=${input.port}`,
    ...(input.plan.runtime === 'node' ? ['Environment=NODE_ENV=production'] : ['Environment=PYTHONUNBUFFERED=1']),
    `EnvironmentFile=-${environmentFilePath(input.name)}`,
    `ExecStart=${execStart(input.plan, current)}`,
    'Restart=always',
    'RestartSec=2',
    `MemoryMax=${memory}M`,
    'TasksMax=256',
    'LimitNOFILE=65536',
    'NoNewPrivileges=yes',
    'PrivateTmp=yes',
    'ProtectSystem=full',
    'ProtectHome=yes',
    `ReadWritePaths=${input.baseDir}`,
    // The deploy key there is this user's (git clones as it); the running app has no need of it.
    'InaccessiblePaths=-/etc/onramp',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
