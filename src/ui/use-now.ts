/** Preact hook: the current time, refreshed every `periodMs`. */
import { useEffect, useState } from 'preact/hooks';

/** Re-renders every `periodMs` with `Date.now()`. */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
