/**
 * The learning path as pages need it: lessons in order, their URLs and progress item ids, and
 * the list of tracked items the Progress page shows. Reads collections once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkLessons, compareLessons, levelOfLessonId } from '../lib/content/checks';
import { LEVELS, type Level } from '../lib/content/schema';
import { LEVEL_INFO } from './levels';
import { getProjects, projectItemId, projectPath } from './projects';

export type LessonEntry = CollectionEntry<'lessons'>;

/** Something whose progress the site tracks, as the Progress page and home page list it. */
export interface TrackedItem {
  /** Progress item id, e.g. "lessons/beginner/start-here". */
  id: string;
  title: string;
  /** Site-relative path. */
  path: string;
  /** Group heading within the section, e.g. "Beginner". */
  group: string;
  minutes: number;
}

/** A section of tracked items ("Lessons"), reset together. */
export interface TrackedSection {
  /** Progress id prefix, e.g. "lessons". */
  key: string;
  label: string;
  items: TrackedItem[];
}

let lessonsCache: LessonEntry[] | undefined;

/** All lessons in path order; fails the build with file names if they are inconsistent. */
export async function getLessons(): Promise<LessonEntry[]> {
  if (lessonsCache) return lessonsCache;
  const lessons = await getCollection('lessons');
  const problems = checkLessons(lessons);
  if (problems.length > 0) throw new Error(`Lesson content has problems:\n- ${problems.join('\n- ')}`);
  lessonsCache = [...lessons].sort(compareLessons);
  return lessonsCache;
}

export function levelOf(lesson: LessonEntry): Level {
  const level = levelOfLessonId(lesson.id);
  if (!level) throw new Error(`content/lessons/${lesson.id}.mdx is not in a level folder`);
  return level;
}

export const lessonPath = (lesson: LessonEntry): string => `/learn/${lesson.id}/`;
export const lessonItemId = (lesson: LessonEntry): string => `lessons/${lesson.id}`;

/** Lessons grouped by level, levels without lessons left out. */
export async function getLearningPath(): Promise<Array<{ level: Level; label: string; summary: string; lessons: LessonEntry[] }>> {
  const lessons = await getLessons();
  return LEVELS.map((level) => ({ level, ...LEVEL_INFO[level], lessons: lessons.filter((l) => levelOf(l) === level) })).filter(
    (group) => group.lessons.length > 0,
  );
}

/** Everything the Progress page lists, by section. */
export async function getTrackedSections(): Promise<TrackedSection[]> {
  const lessons = await getLessons();
  const sections: TrackedSection[] = [
    {
      key: 'lessons',
      label: 'Lessons',
      items: lessons.map((lesson) => ({
        id: lessonItemId(lesson),
        title: lesson.data.title,
        path: lessonPath(lesson),
        group: LEVEL_INFO[levelOf(lesson)].label,
        minutes: lesson.data.minutes,
      })),
    },
    {
      key: 'projects',
      label: 'Practice projects',
      items: (await getProjects()).map((project) => ({
        id: projectItemId(project),
        title: project.data.title,
        path: projectPath(project),
        group: LEVEL_INFO[project.data.level].label,
        minutes: project.data.minutes,
      })),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}
