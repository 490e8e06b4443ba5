/**
 * The checker's word count, for editors: loaded after the page (the stop-word list is not needed
 * to show the page), so a count shows a moment after the island starts.
 */
import { useEffect, useState } from 'preact/hooks';

type Counter = (text: string, maxWords?: number) => number;

let loading: Promise<Counter> | undefined;

/** Counts words as the grader reads them, or returns null until the counter has loaded. */
export function useWordCount(): ((text: string) => number) | null {
  const [counter, setCounter] = useState<Counter | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('../../lib/grading/words').then((m) => m.countMeaningfulWords);
    // A failed load leaves the count out; the editor works without it.
    loading.then((count) => live && setCounter(() => count)).catch(() => (loading = undefined));
    return () => {
      live = false;
    };
  }, []);
  return counter && ((text) => counter(text, Infinity));
}
