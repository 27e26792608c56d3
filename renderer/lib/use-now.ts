// The current time for a render: components stay pure (React may render twice), and the value moves on
// by itself so "locked until 10:15 (in 3 minutes)" does not go stale on a screen left open.
import { useEffect, useState } from 'react';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
