/**
 * Pages do not import each other: what two pages share lives with its owner
 * (renderer/app: dialog, setups; renderer/terminal/ui: the terminal area and
 * host-key dialog; renderer/vault: the vault gate and import; renderer/bridge:
 * the load hook; renderer/styles: shared page styles).
 */
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('./**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

function pageOf(file: string): string | undefined {
  return /^\.\/([a-z-]+)\//.exec(file)?.[1];
}

describe('pages', () => {
  it('import no other page’s folder', () => {
    const crossings: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      const own = pageOf(file);
      for (const match of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const spec = match[1] ?? '';
        const resolved = new URL(spec, `file:///pages/${file.slice(2)}`).pathname.replace(/^\/pages\//, './');
        if (!resolved.startsWith('./') || resolved.startsWith('./../')) continue; // outside renderer/pages
        const target = pageOf(resolved);
        // The registry is the one file that knows every page (it lazy-loads them).
        if (target && target !== own && file !== './registry.tsx') crossings.push(`${file} → ${spec}`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(crossings).toEqual([]);
  });
});
