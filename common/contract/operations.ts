/**
 * The registry of operation kinds: what each takes (`input`, parsed strictly at
 * the boundary) and what it returns (`result`, parsed before it leaves main, so
 * nothing a schema does not name reaches the renderer).
 *
 * Add a kind here (`<step or capability>.<verb>`), implement it with
 * `defineOperation` in main (main/setup/operation.ts), and list it in the
 * composition root. `op.start` accepts exactly these kinds.
 */
import { z } from 'zod';
import * as ec2 from './schemas/ec2';
import * as billing from './schemas/billing';
import { dnsCheckInput, dnsReport } from './schemas/dns';
import * as iam from './schemas/iam';
import * as server from './schemas/server';
import * as deploy from './schemas/deploy';

export interface OperationSpec {
  input: z.ZodObject;
  result: z.ZodType;
}

/** Any registry of kinds (the product's below; tests build their own for the engine). */
export type OperationSpecs = Readonly<Record<string, OperationSpec>>;

function operation<I extends z.ZodObject, R extends z.ZodType>(input: I, result: R) {
  return { input, result } satisfies OperationSpec;
}

export const operations = {
  /** Connect AWS: sign in again with the chosen credential source and region, and ask STS who that is. */
  'connect-aws.verify': operation(
    z.object({}).strict(),
    z.object({ accountId: z.string().max(12), arn: z.string().max(2048), isRoot: z.boolean(), region: z.string().max(32) }),
  ),
  /** Launch server: key pair, security group, instance, Elastic IP; continues from what exists. */
  'launch-server.launch': operation(ec2.launchChoices, ec2.launchResult),
  /** Launch server's cost guard: the setup's monthly AWS Budgets budget with e-mail alerts (found by name first; never two). */
  'launch-server.costGuard': operation(billing.costGuardInput, billing.costGuardResult),
  /** Static IP: allocate (or find) the setup's Elastic IP and associate it with the instance. */
  'static-ip.attach': operation(z.object({}).strict(), ec2.staticIpResult),
  /** Teardown: everything tagged for this setup, in a safe order. */
  'done.teardown': operation(ec2.teardownInput, ec2.teardownResult),
  /** Teardown of the IAM user this setup made (and its group when empty), with the credentials that created it. */
  'done.deleteIamUser': operation(ec2.deleteIamUserInput, ec2.deleteIamUserResult),
  /** The Domain step's live DNS check (main/dns/domain-operation.ts); progress per resolver. */
  'domain.check': operation(dnsCheckInput, dnsReport),
  /** Secure the account: group + policy preset, tagged user, console password (→ vault), group membership. */
  'secure-account.createUser': operation(iam.createUserInput, iam.createUserResult),
  /** Secure the account: the IAM user's own access key (→ vault), the switch to it, and (optionally) the root key's deletion. */
  'secure-account.createAccessKey': operation(iam.createAccessKeyInput, iam.createAccessKeyResult),
  // --- Web server and HTTPS: schemas in ./schemas/server.ts ---
  /** Install nginx if missing, install and enable the site, nginx -t (restore on failure), reload, ask nginx what it answers. */
  'web-server.apply': operation(server.webServerApplyInput, server.webServerApplyResult),
  /** The checks that must pass before any ACME call (DNS, firewall, port 80, nginx -t, server_name). */
  'https.preflight': operation(server.httpsPreflightInput, server.preflightReport),
  /** Preflight, certbot installed if missing, `certbot --nginx … --redirect` in the terminal, then verify. */
  'https.issue': operation(server.httpsIssueInput, server.httpsIssueResult),
  /** The redirect, the certificate chain and expiry, the renewal timer and a renew dry run. */
  'https.verify': operation(server.httpsVerifyInput, server.httpsVerifyReport),
  // --- App: schemas in ./schemas/deploy.ts (main/app/) ---
  /** Where the code comes from → the editable plan (a git repository is cloned on the server to read it; a folder is read here). */
  'app.inspect': operation(deploy.appInspectInput, deploy.appInspection),
  /** Code → releases/<stamp>, install and build, a candidate must answer, switch `current`, restart, the domain answers. */
  'app.deploy': operation(deploy.appDeployInput, deploy.appDeployResult),
  /** Back to the newest older release: one switch and a restart. */
  'app.rollback': operation(deploy.appRollbackInput, deploy.appRollbackResult),
  /** The settings into the vault, the 0600 file on the server rewritten, the service restarted. */
  'app.setEnv': operation(deploy.appSetEnvInput, deploy.appSetEnvResult),
  /** "Test access": `git ls-remote` on the server with the deploy key. */
  'app.testAccess': operation(deploy.appTestAccessInput, deploy.appTestAccessResult),
  /** Day-one care: swap on small servers, unattended-upgrades verified, the time zone. */
  'app.care': operation(deploy.appCareInput, deploy.appCareResult),
  /** Reboot the server and wait for SSH to answer again. */
  'app.reboot': operation(z.object({}).strict(), deploy.appRebootResult),
  /** Undo: the unit, its user, its folder and its settings file (what the App step made). */
  'app.remove': operation(deploy.appRemoveInput, deploy.appRemoveResult),
} as const satisfies OperationSpecs;

export type Operations = typeof operations;
export type OperationKind = keyof Operations;
export type OpInputOf<K extends OperationKind> = z.output<Operations[K]['input']>;
export type OpInputRequestOf<K extends OperationKind> = z.input<Operations[K]['input']>;
export type OpResultOf<K extends OperationKind> = z.output<Operations[K]['result']>;

export const operationKinds = Object.keys(operations) as OperationKind[];

export function isOperationKind(value: unknown): value is OperationKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(operations, value);
}

/**
 * `op.start`'s request: a kind and its input, checked against that kind's
 * schema. Issues name paths and codes only (zod messages can echo input).
 */
export const opStartRequest = z
  .object({ kind: z.string().max(96), input: z.unknown().optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!isOperationKind(value.kind)) {
      ctx.addIssue({ code: 'custom', message: 'unknown operation kind', path: ['kind'] });
      return;
    }
    const parsed = operations[value.kind].input.safeParse(value.input ?? {});
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.code, path: ['input', ...issue.path] });
    }
  });
