/** Re-check delays while the Domain page is open: 5 s, doubling, at most 60 s. */
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 60_000;

export function recheckDelayMs(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, Math.min(attempt, 16)), MAX_DELAY_MS);
}
