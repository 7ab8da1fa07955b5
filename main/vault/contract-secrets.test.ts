/** No vault or AWS response or event schema has a secret-looking (non-boolean) field, so the router's parse strips any that slip in. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { events, invokes } from '../../common/contract/channels';

const SECRET_FIELDS = /secret|password|privatekey|passphrase|accesskeyid|sessiontoken|base64/i;

function propertyNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        // A boolean (wrongPassphrase) can't hold a secret; every other property name is checked.
        names.push(...Object.entries(value as Record<string, { type?: string }>).filter(([, p]) => p.type !== 'boolean').map(([name]) => name));
      }
      walk(value);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
  return names;
}

const mine = Object.entries(invokes).filter(([channel]) => /^(vault|aws)\./.test(channel));

describe('the vault and aws contract', () => {
  it('declares the channels and the vault.changed event', () => {
    expect(mine.length).toBeGreaterThanOrEqual(18); // the ssh command is ssh.copyCommand (issue 9 item 3)
    expect(events['vault.changed']).toBeDefined();
  });

  it.each(mine)('%s: the response has no secret field', (_channel, spec) => {
    for (const name of propertyNames(spec.response)) expect(name).not.toMatch(SECRET_FIELDS);
  });

  it('vault.changed has no secret field', () => {
    for (const name of propertyNames(events['vault.changed'])) expect(name).not.toMatch(SECRET_FIELDS);
  });

  it('a response carrying a secret by mistake is stripped by the schema', () => {
    const leaked = { item: { kind: 'aws-access-key', id: 'x', label: 'l', createdAt: 'c', updatedAt: 'u', secretAccessKey: 'SECRET' } };
    expect(JSON.stringify(invokes['vault.addAccessKey'].response.parse(leaked))).not.toContain('SECRET');
  });
});
