/**
 * The path through the setup: a new EC2 server (`aws`) or a server the user
 * already has (`own-server`). The user chooses it on the first step and may
 * switch it in Settings; this file owns its default and the migration of a
 * setup.json written before the path existed.
 */
import type { SetupPath, SetupState } from '../../common/contract/schemas/setup';

type Choices = Partial<Record<keyof SetupState['choices'], unknown>>;
type Resources = Partial<Record<keyof SetupState['resources'], unknown>>;

const AWS_RESOURCES: readonly (keyof SetupState['resources'])[] = ['instanceId', 'allocationId', 'elasticIp', 'keyPairName', 'securityGroupId', 'consoleLoginItemId', 'iamAccessKeyItemId', 'mfaSerial'];

/** The own-server path when an own server is saved and nothing of AWS is (no credentials chosen, no AWS resource); else AWS. */
export function defaultPath(choices: Choices, resources: Resources): SetupPath {
  const usesAws = choices.awsSource !== undefined || AWS_RESOURCES.some((key) => resources[key] !== undefined);
  return choices.ownServer !== undefined && !usesAws ? 'own-server' : 'aws';
}

/** The setup's path: the one chosen, else the default above. */
export function pathOf(setup: SetupState): SetupPath {
  return setup.choices.path ?? defaultPath(setup.choices, setup.resources);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A setup.json without a path gets the default one; anything else is returned unchanged (the schema judges it). */
export function migratePath(raw: unknown): unknown {
  if (!isRecord(raw) || !isRecord(raw.choices)) return raw;
  if (raw.choices.path !== undefined) return raw;
  const resources = isRecord(raw.resources) ? raw.resources : {};
  return { ...raw, choices: { ...raw.choices, path: defaultPath(raw.choices, resources) } };
}
