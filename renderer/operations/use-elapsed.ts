import { useEffect, useState } from 'react';

/** Seconds since `startedAt`, ticking every second until `endedAt` is known. */
export function useElapsedSeconds(startedAt: number, endedAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endedAt !== undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endedAt]);
  return Math.max(0, Math.floor(((endedAt ?? now) - startedAt) / 1000));
}

/** 75 → "01:15"; an hour or more → "61:05". */
export function formatElapsed(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
