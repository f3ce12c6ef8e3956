'use client';

import { useEffect, useState } from 'react';

/**
 * Local text for an input whose committed value lives elsewhere (the URL): typing updates the
 * text at once and commits it once typing pauses; outside changes replace the text.
 */
export function useDebouncedCommit(committed: string, commit: (value: string) => void, ms = 250) {
  const [text, setText] = useState(committed);
  useEffect(() => setText(committed), [committed]);
  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => commit(text), ms);
    return () => clearTimeout(timer);
  }, [text, committed, commit, ms]);
  return [text, setText] as const;
}
