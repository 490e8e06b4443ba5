/**
 * Reads the AI threat-pattern library from content/patterns/ (concepts, controls, patterns),
 * validated as one: the build, the CLIs and the tests all load it here. Cached per folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { formatIssues } from '../lib/content/format-issues';
import { patternLibrarySchema } from '../lib/patterns/schema';
import type { PatternLibrary } from '../lib/patterns/types';

const cache = new Map<string, PatternLibrary>();

export function loadPatternLibrary(dir = 'content/patterns'): PatternLibrary {
  const cached = cache.get(dir);
  if (cached) return cached;
  const read = (name: string): unknown => YAML.parse(readFileSync(path.join(dir, name), 'utf8'));
  const parsed = patternLibrarySchema.safeParse({
    concepts: read('concepts.yaml'),
    controls: read('controls.yaml'),
    patterns: read('patterns.yaml'),
  });
  if (!parsed.success) throw new Error(formatIssues(dir, parsed.error).join('\n'));
  cache.set(dir, parsed.data);
  return parsed.data;
}
