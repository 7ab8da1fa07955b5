/**
 * Every EC2 resource Onramp makes carries `onramp:setup=<setupId>` (and a Name).
 * Resume and teardown find resources by this tag alone, so they work after a
 * crash, on another machine, and against endpoints that ignore ClientToken.
 */
import type { Filter, ResourceType, Tag, TagSpecification } from '@aws-sdk/client-ec2';

export const SETUP_TAG_KEY = 'onramp:setup';

export function setupTags(setupId: string, name: string): Tag[] {
  return [
    { Key: 'Name', Value: name },
    { Key: SETUP_TAG_KEY, Value: setupId },
  ];
}

export function tagSpecifications(setupId: string, name: string, ...types: ResourceType[]): TagSpecification[] {
  return types.map((ResourceType) => ({ ResourceType, Tags: setupTags(setupId, name) }));
}

export function setupFilter(setupId: string): Filter {
  return { Name: `tag:${SETUP_TAG_KEY}`, Values: [setupId] };
}

export function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/**
 * A ClientToken derived from the setup id (≤ 64 ASCII chars), so that a retried
 * RunInstances within AWS's idempotency window returns the same instance. Resume
 * never relies on it alone: the tag lookup comes first.
 */
export function clientToken(setupId: string, purpose: string): string {
  return `onramp-${purpose}-${setupId}`.replace(/[^A-Za-z0-9-]/g, '').slice(0, 64);
}
