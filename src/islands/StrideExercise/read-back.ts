/**
 * The editor's read-back: how the reviewer reads each row, as the learner types. The reader (the
 * same code the grader uses) and the pattern library load after the page, so the page stays
 * light; until they arrive, rows simply show no reading.
 */
import { useEffect, useState } from 'preact/hooks';
import type { readBack } from '../../lib/patterns/read';
import type { PatternLibrary } from '../../lib/patterns/types';

export type Reading = ReturnType<typeof readBack>;

export interface Reader {
  read: (threat: string, impact: string, chosen: string | undefined) => Reading;
  /** Every pattern, by name, for the learner's correction. */
  patterns: Array<{ id: string; name: string }>;
  nameOf: (id: string) => string | undefined;
}

let loading: Promise<Reader> | undefined;

async function loadReader(url: string): Promise<Reader> {
  const [{ readBack }, { fetchSiteJson }] = await Promise.all([
    import('../../lib/patterns/read'),
    import('../common/answer-key'),
  ]);
  const library = await fetchSiteJson<PatternLibrary>(url);
  const names = new Map(library.patterns.map((p) => [p.id, p.name]));
  return {
    read: (threat, impact, chosen) => readBack(library, threat, impact, chosen),
    patterns: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    nameOf: (id) => names.get(id),
  };
}

/** The reader, or null until it has loaded (or when it could not load: the editor works without it). */
export function useReader(url: string, wanted: boolean): Reader | null {
  const [reader, setReader] = useState<Reader | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loading ??= loadReader(url);
    loading.then((r) => live && setReader(r)).catch(() => (loading = undefined));
    return () => {
      live = false;
    };
  }, [url, wanted]);
  return reader;
}

/** The reading of a row, recomputed a moment after the learner stops typing. */
export function useReading(
  reader: Reader | null,
  threat: string,
  impact: string,
  chosen: string | undefined,
  delay = 150,
): Reading | null {
  const [reading, setReading] = useState<Reading | null>(null);
  useEffect(() => {
    if (!reader) return;
    // At once the first time and when the pick changes; a moment after the last keystroke otherwise.
    const timer = setTimeout(() => setReading(reader.read(threat, impact, chosen)), reading ? delay : 0);
    return () => clearTimeout(timer);
  }, [reader, threat, impact, chosen]);
  return reading;
}
