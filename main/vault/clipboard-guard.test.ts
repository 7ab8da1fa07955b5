import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostPlatform } from '../host/host-platform';
import { ClipboardGuard, CLIPBOARD_CLEAR_MS } from './clipboard-guard';

describe('ClipboardGuard (fake timers)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('clears a copied secret after 30 s, not before', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    expect(CLIPBOARD_CLEAR_MS).toBe(30_000);
    guard.writeSecret('s3cret-pw');
    expect(platform.clipboardRead()).toBe('s3cret-pw');
    vi.advanceTimersByTime(29_999);
    expect(platform.clipboardRead()).toBe('s3cret-pw');
    vi.advanceTimersByTime(1);
    expect(platform.clipboardRead()).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    guard.writeSecret('s3cret-pw');
    platform.clipboardWrite('my own text');
    vi.advanceTimersByTime(30_000);
    expect(platform.clipboardRead()).toBe('my own text');
  });

  it('a second copy restarts the 30 s and only the newest secret is cleared', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    guard.writeSecret('first');
    vi.advanceTimersByTime(20_000);
    guard.writeSecret('second');
    vi.advanceTimersByTime(20_000);
    expect(platform.clipboardRead()).toBe('second');
    vi.advanceTimersByTime(10_000);
    expect(platform.clipboardRead()).toBe('');
  });

  it('a plain copy (the ssh command) is not cleared, and cancels a pending clear', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    guard.writeSecret('s3cret-pw');
    guard.writePlain('ssh -i key.pem ubuntu@203.0.113.10');
    vi.advanceTimersByTime(60_000);
    expect(platform.clipboardRead()).toBe('ssh -i key.pem ubuntu@203.0.113.10');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose (app quit) clears a secret still on the clipboard right away', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    guard.writeSecret('s3cret-pw');
    guard.dispose();
    expect(platform.clipboardRead()).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps no copy of the secret, only a keyed digest', () => {
    const platform = createHostPlatform('test');
    const guard = new ClipboardGuard(platform);
    guard.writeSecret('s3cret-pw');
    expect(JSON.stringify(Object.values(guard))).not.toContain('s3cret-pw');
  });
});
