/**
 * The packaged renderer, read from a real build: the transport is chosen at
 * build time, so the Electron build has no WebSocket client and no `ws:` in any
 * CSP (meta or header) while the test host's build has both; the terminal and
 * the other pages load on demand, and the first screen's JS stays within its
 * budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CONTENT_SECURITY_POLICY } from '../../host/static-files';
import { CONTENT_SECURITY_POLICY } from '../../security/csp';
import { allJs, buildInto, initialJs, metaCsp } from './built-renderer';

const INITIAL_JS_BUDGET_KB = 150;

let outDir = '';
const electronDir = () => path.join(outDir, 'renderer');
const hostDir = () => path.join(outDir, 'renderer-host');

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bundle-'));
  buildInto(outDir, 'electron');
  buildInto(outDir, 'host');
}, 240_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const usesWebSocket = (code: string) => /\bWebSocket\b/.test(code);

describe('the packaged (Electron) renderer', () => {
  it('contains no WebSocket client code and no ws: source in its CSP meta or header', () => {
    const chunks = allJs(electronDir());
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.filter((chunk) => usesWebSocket(chunk.code) || chunk.code.includes('ws://')).map((chunk) => chunk.file)).toEqual([]);
    const meta = metaCsp(electronDir());
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/\bws:/);
    expect(metaCsp(path.resolve(__dirname, '../../../renderer')), 'renderer/index.html shows the packaged policy').toBe(meta);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\bws:/);
  });

  it(`loads at most ${INITIAL_JS_BUDGET_KB} KB of JS (gzip) before any lazy page, and the terminal only on demand`, () => {
    const initial = initialJs(electronDir());
    expect(initial.files.length).toBeGreaterThan(0);
    expect(initial.gzipBytes / 1024).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB);
    const initialCode = allJs(electronDir()).filter((chunk) => initial.files.includes(chunk.file));
    expect(initialCode.some((chunk) => chunk.code.includes('xterm-helper-textarea'))).toBe(false);
    expect(allJs(electronDir()).some((chunk) => chunk.code.includes('xterm-helper-textarea'))).toBe(true);
  });
});

describe("the test host's renderer", () => {
  it('keeps the WebSocket transport and allows ws://127.0.0.1 in its CSP meta and header', () => {
    expect(allJs(hostDir()).some((chunk) => usesWebSocket(chunk.code))).toBe(true);
    expect(metaCsp(hostDir())).toContain('ws://127.0.0.1:*');
    expect(HOST_CONTENT_SECURITY_POLICY).toContain("connect-src 'self' ws://127.0.0.1:*");
  });
});
