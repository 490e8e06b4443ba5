/**
 * Checks across content entries that a per-file schema cannot make: lesson folders, order
 * within a level, prerequisites that exist. Each problem names the file.
 */
import { LEVELS, type Level } from './schema';

/** The parts of a lesson these checks need. */
export interface LessonLike {
  /** "<level>/<slug>", from the file path. */
  id: string;
  data: { order: number; prerequisites: readonly string[] };
}

export function levelOfLessonId(id: string): Level | undefined {
  const [level, slug, ...rest] = id.split('/');
  if (rest.length > 0 || !slug) return undefined;
  return LEVELS.find((l) => l === level);
}

export function checkLessons(lessons: readonly LessonLike[]): string[] {
  const problems: string[] = [];
  const ids = new Set(lessons.map((l) => l.id));
  const orders = new Map<string, string>();
  for (const lesson of lessons) {
    const file = `content/lessons/${lesson.id}.mdx`;
    const level = levelOfLessonId(lesson.id);
    if (!level) {
      problems.push(`${file}: lessons must sit directly in one of the folders ${LEVELS.join(', ')}`);
      continue;
    }
    const slot = `${level}#${lesson.data.order}`;
    const clash = orders.get(slot);
    if (clash) problems.push(`${file}: field "order" is ${lesson.data.order}, the same as content/lessons/${clash}.mdx`);
    else orders.set(slot, lesson.id);
    for (const prerequisite of lesson.data.prerequisites) {
      if (!ids.has(prerequisite)) problems.push(`${file}: field "prerequisites" names "${prerequisite}", which is not a lesson`);
      if (prerequisite === lesson.id) problems.push(`${file}: field "prerequisites" names the lesson itself`);
    }
  }
  return problems;
}

/** Sorts lessons along the path: by level, then by order. */
export function compareLessons(a: LessonLike, b: LessonLike): number {
  const levelA = LEVELS.indexOf(levelOfLessonId(a.id) ?? 'advanced');
  const levelB = LEVELS.indexOf(levelOfLessonId(b.id) ?? 'advanced');
  return levelA - levelB || a.data.order - b.data.order;
}

/** The question ids a lesson body asks with `<Check id="..." />`, in page order. */
export function checkIdsIn(body: string): string[] {
  return [...body.matchAll(/<Check\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1] ?? '');
}
