/**
 * eslint.config.mjs, "journey facts": the renderer never works out a journey fact itself: site names (the www
 * rule), the server to reach, the domain to serve. eslint.config.mjs refuses
 * it ("journey facts"); this proves the rule catches each way of doing it, and
 * that renderer code as it is passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'renderer/pages/probe.ts' });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('journey facts lint rule', () => {
  it('refuses site names, the server target and the domain worked out in the renderer', { timeout: 60_000 }, async () => {
    const found = await problems(
      [
        "import type { SetupState } from '../../common/contract/schemas/setup';",
        'export const names = (domain: string) => [domain, `www.${domain}`];',
        "export const server = (s: SetupState) => ({ host: s.resources.elasticIp, user: 'ubuntu', key: s.resources.sshKeyItemId });",
        'export const domain = (s: SetupState) => s.choices.webServer?.domain;',
        '',
      ].join('\n'),
    );
    expect(found.filter((m) => m.startsWith('Site names'))).toHaveLength(1);
    expect(found.filter((m) => m.startsWith('The server and its resources'))).toHaveLength(2);
    expect(found.filter((m) => m.startsWith('The server to reach'))).toHaveLength(1);
    expect(found.filter((m) => m.startsWith('The domain to serve'))).toHaveLength(1);
  });

  it('lets the renderer read the facts from the model', { timeout: 60_000 }, async () => {
    const code = [
      "import type { JourneyModel } from '../../common/contract/schemas/journey';",
      'export const view = (j: JourneyModel) => [j.derived.site?.names, j.derived.server?.label, j.resources.server?.elasticIp];',
      '',
    ].join('\n');
    expect(await problems(code)).toEqual([]);
  });
});
