/**
 * Where a terminal or command goes. `keyId` names a vault item; the private
 * key itself is fetched through the injected `getPrivateKey` at connect time
 * and never stored here.
 */
import { z } from 'zod';
import { SSH_HOST_PATTERN, SSH_USER_PATTERN } from '../../common/contract/schemas/ssh';

export const sshTargetSchema = z.object({
  host: z.string().regex(SSH_HOST_PATTERN),
  port: z.number().int().min(1).max(65535).default(22),
  user: z.string().regex(SSH_USER_PATTERN).default('ubuntu'),
  keyId: z.string().min(1).max(200),
});

/** What callers pass: port defaults to 22 and user to 'ubuntu'. */
export type SshTargetInput = z.input<typeof sshTargetSchema>;
/** A normalised target (every field present). */
export type SshTarget = z.output<typeof sshTargetSchema>;

export function normalizeTarget(input: SshTargetInput): SshTarget {
  return sshTargetSchema.parse(input);
}

/** Identity of a connection: shells and execs with the same key share one ssh2 Client. */
export function connectionKey(target: SshTarget): string {
  return `${target.user}@${target.host}:${target.port}#${target.keyId}`;
}
