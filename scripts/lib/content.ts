/**
 * Reads content/ in Node with the same schemas as the build, without Astro: for the CLIs and
 * unit tests. Each problem names the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { formatIssues } from '../../src/lib/content/format-issues';
import { checkLessons } from '../../src/lib/content/checks';
import { glossaryEntrySchema, lessonSchema, type GlossaryEntry, type LessonData } from '../../src/lib/content/schema';

/** An entry read from a file: its collection id, path and validated data. */
export interface LoadedEntry<T> {
  id: string;
  file: string;
  data: T;
  body: string;
}

export interface LoadedContent {
  lessons: LoadedEntry<LessonData>[];
  glossary: GlossaryEntry[];
  problems: string[];
}

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return walk(full, ext);
    return d.name.endsWith(ext) ? [full] : [];
  });
}

/** Splits `---` frontmatter from an MDX body. */
export function splitFrontmatter(text: string): { data: unknown; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { data: YAML.parse(match[1] ?? ''), body: match[2] ?? '' };
}

function validate<S extends z.ZodTypeAny>(
  schema: S,
  file: string,
  data: unknown,
  problems: string[],
): z.output<S> | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.output<S>;
  problems.push(...formatIssues(file, parsed.error));
  return undefined;
}

export function loadContent(root = 'content'): LoadedContent {
  const problems: string[] = [];
  const lessons: LoadedEntry<LessonData>[] = [];
  const lessonDir = path.join(root, 'lessons');
  for (const full of walk(lessonDir, '.mdx').sort()) {
    const file = path.relative(path.dirname(root), full) || full;
    const split = splitFrontmatter(readFileSync(full, 'utf8'));
    if (!split) {
      problems.push(`${file}: no frontmatter (the file must start with a --- block)`);
      continue;
    }
    const data = validate(lessonSchema, file, split.data, problems);
    const id = path
      .relative(lessonDir, full)
      .replace(/\.mdx$/, '')
      .split(path.sep)
      .join('/');
    if (data) lessons.push({ id, file, data, body: split.body });
  }
  problems.push(...checkLessons(lessons));
  const glossary: GlossaryEntry[] = [];
  const glossaryFile = path.join(root, 'glossary.yaml');
  if (existsSync(glossaryFile)) {
    const items: unknown = YAML.parse(readFileSync(glossaryFile, 'utf8'));
    if (!Array.isArray(items)) problems.push(`${glossaryFile}: expected a list of terms`);
    else {
      items.forEach((item, i) => {
        const entry = validate(glossaryEntrySchema, `${glossaryFile} (term ${i + 1})`, item, problems);
        if (entry) glossary.push(entry);
      });
      const seen = new Set<string>();
      for (const entry of glossary) {
        if (seen.has(entry.id)) problems.push(`${glossaryFile}: duplicate id "${entry.id}"`);
        seen.add(entry.id);
      }
    }
  }
  return { lessons, glossary, problems };
}
