/** The terminal font size, shared by every tab and kept between runs (Ctrl/Cmd + / - / 0). */
export const DEFAULT_FONT_SIZE = 14;
const MIN = 8;
const MAX = 32;
const STORAGE_KEY = 'onramp.terminalFontSize';

const listeners = new Set<(size: number) => void>();
let current = load();

function load(): number {
  const stored = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return Number.isInteger(stored) && stored >= MIN && stored <= MAX ? stored : DEFAULT_FONT_SIZE;
}

export function fontSize(): number {
  return current;
}

export type ZoomAction = 'in' | 'out' | 'reset';

export function zoom(action: ZoomAction): number {
  const next = action === 'reset' ? DEFAULT_FONT_SIZE : Math.min(MAX, Math.max(MIN, current + (action === 'in' ? 1 : -1)));
  if (next === current) return current;
  current = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, String(next));
  for (const listener of listeners) listener(next);
  return next;
}

export function onFontSize(listener: (size: number) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
