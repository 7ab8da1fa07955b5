import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostPlatform } from '../host/host-platform';
import { ClipboardGuard, CLIPBOARD_CLEAR_MS } from './clipboard-guard';

describe('ClipboardGuard (fake timers)', async () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('clears a copied secret after 30 s, not before', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    expect(CLIPBOARD_CLEAR_MS).toBe(30_000);
    await guard.writeSecret('s3cret-pw');
    expect(await platform.clipboardRead()).toBe('s3cret-pw');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(await platform.clipboardRead()).toBe('s3cret-pw');
    await vi.advanceTimersByTimeAsync(1);
    expect(await platform.clipboardRead()).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    await guard.writeSecret('s3cret-pw');
    await platform.clipboardWrite('my own text');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await platform.clipboardRead()).toBe('my own text');
  });

  it('a second copy restarts the 30 s and only the newest secret is cleared', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    await guard.writeSecret('first');
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.writeSecret('second');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await platform.clipboardRead()).toBe('second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await platform.clipboardRead()).toBe('');
  });

  it('a plain copy (the ssh command) is not cleared, and cancels a pending clear', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    await guard.writeSecret('s3cret-pw');
    await guard.writePlain('ssh -i key.pem ubuntu@203.0.113.10');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await platform.clipboardRead()).toBe('ssh -i key.pem ubuntu@203.0.113.10');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose (app quit) clears a secret still on the clipboard right away', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    await guard.writeSecret('s3cret-pw');
    await guard.dispose();
    expect(await platform.clipboardRead()).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps no copy of the secret, only a keyed digest', async () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    await guard.writeSecret('s3cret-pw');
    expect(JSON.stringify(Object.values(guard))).not.toContain('s3cret-pw');
  });
});
