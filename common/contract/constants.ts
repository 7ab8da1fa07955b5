/**
 * Plain values of the contract that the renderer needs at run time, kept free
 * of zod so the first screen's bundle does not carry the schema library (the
 * schemas in ./schemas/ build on these). The renderer imports values from
 * here and only types from the schemas.
 */

/** The nine steps of the guided setup, in order (DESIGN.md "The user's path"). */
export const stepIds = [
  'connect-aws',
  'secure-account',
  'launch-server',
  'static-ip',
  'domain',
  'connect',
  'web-server',
  'app',
  'https',
  'done',
] as const;
export type StepIdValue = (typeof stepIds)[number];

/**
 * The two paths through the setup: a new EC2 server made in the user's AWS
 * account, or a server the user already has (reached over SSH; no AWS at all).
 */
export const setupPaths = ['aws', 'own-server'] as const;
export type SetupPathValue = (typeof setupPaths)[number];

/** Every page: the steps, then the pages besides them. */
export const pageIds = [...stepIds, 'vault', 'settings'] as const;

export function isStepId(value: unknown): value is StepIdValue {
  return typeof value === 'string' && (stepIds as readonly string[]).includes(value);
}

/** Imported files are capped well above any key or credentials CSV. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** Hostname, IPv4 or IPv6 literal; no spaces, no leading '-' and no '@'. Shared with main/ssh/ssh-target.ts. */
export const SSH_HOST_PATTERN = /^(?!-)[A-Za-z0-9.:%_[\]-]{1,253}$/;
/** POSIX-ish login names: ubuntu, ec2-user, admin, root, … */
export const SSH_USER_PATTERN = /^[A-Za-z_][A-Za-z0-9._-]{0,31}$/;
/** The login a server form starts with (Ubuntu's): the schema's default and the Settings form's first value. */
export const DEFAULT_SSH_USER = 'ubuntu';

/**
 * The Ubuntu LTS releases the launch offers, newest first. 26.04 is the
 * default: Onramp's server steps (web server, HTTPS with certbot from apt,
 * the renewal timer, the certificate watch) are proven on real 26.04 and
 * 24.04 machines (main/server/web-server-https.ubuntu.integration.test.ts).
 */
export const UBUNTU_CHOICES = ['26.04', '24.04', '22.04'] as const;
export type UbuntuChoice = (typeof UBUNTU_CHOICES)[number];
export const DEFAULT_UBUNTU: UbuntuChoice = '26.04';
