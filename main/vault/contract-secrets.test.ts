/** No vault or AWS response or event schema has a secret-looking (non-boolean) field, so the router's parse strips any that slip in. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { events, invokes } from '../../common/contract/channels';

const SECRET_FIELDS = /secret|password|privatekey|passphrase|accesskeyid|sessiontoken|base64/i;

type PropertySchema = { type?: string; items?: { type?: string; maxLength?: number } };
/** App settings' `secretNames`: which setting names are secret, a list of names (≤ 128 characters each), never a value. */
const isListOfNames = (name: string, p: PropertySchema) =>
  name === 'secretNames' && p.type === 'array' && p.items?.type === 'string' && (p.items.maxLength ?? Infinity) <= 128;

function propertyNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        // A boolean (wrongPassphrase) can't hold a secret, nor a list of setting names; every other property name is checked.
        const checked = Object.entries(value as Record<string, PropertySchema>).filter(([name, p]) => p.type !== 'boolean' && !isListOfNames(name, p));
        names.push(...checked.map(([name]) => name));
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
    expect(mine.length).toBeGreaterThanOrEqual(18); // the ssh command is ssh.copyCommand
    expect(events['vault.changed']).toBeDefined();
  });

  it.each(mine)('%s: the response has no secret field', (_channel, spec) => {
    for (const name of propertyNames(spec.response)) expect(name).not.toMatch(SECRET_FIELDS);
  });

  it('vault.changed has no secret field', () => {
    for (const name of propertyNames(events['vault.changed'])) expect(name).not.toMatch(SECRET_FIELDS);
  });

  it('app settings reach the renderer as names only: a value slipped into a response is stripped', () => {
    const item = { kind: 'app-settings', id: 'x', label: 'l', setupId: 's', names: ['DB_URL'], secretNames: ['DB_URL'], createdAt: 'c', updatedAt: 'u' };
    const leaked = { items: [{ ...item, values: { DB_URL: 'postgres://u:LEAKED@db/x' } }], damaged: [] };
    expect(JSON.stringify(invokes['vault.list'].response.parse(leaked))).not.toContain('LEAKED');
    expect(invokes['vault.list'].response.parse(leaked)).toEqual({ items: [item], damaged: [] });
  });

  it('a response carrying a secret by mistake is stripped by the schema', () => {
    const leaked = { item: { kind: 'aws-access-key', id: 'x', label: 'l', createdAt: 'c', updatedAt: 'u', secretAccessKey: 'SECRET' } };
    expect(JSON.stringify(invokes['vault.addAccessKey'].response.parse(leaked))).not.toContain('SECRET');
  });
});
