'use client';

import { useEffect, useState } from 'react';

/** Seconds since `running` became true, ticking while it stays true. */
export function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed((Date.now() - started) / 1000), 100);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}
