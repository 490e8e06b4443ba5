/**
 * The learning path as pages need it: lessons in order, their URLs and progress item ids, and
 * the list of tracked items the Progress page shows. Reads collections once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkLessons, compareLessons, levelOfLessonId } from '../lib/content/checks';
import { LEVELS, type Level } from '../lib/content/schema';
import { LEVEL_INFO } from './levels';
import { getLabs, labItemId, labPath, type LabEntry } from './labs';
import { getProjects, projectItemId, projectPath, type ProjectEntry } from './projects';

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

/** A step on the Learn path: a lesson, a practice project placed after the lessons it needs, or a lab after the lesson that prepares it. */
export type PathStep =
  { kind: 'lesson'; entry: LessonEntry } | { kind: 'project'; entry: ProjectEntry } | { kind: 'lab'; entry: LabEntry };

/** The lesson that prepares a lab; fails the build, naming the file, when there is none. */
export async function preparingLesson(lab: LabEntry): Promise<LessonEntry> {
  const lesson = (await getLessons()).find((l) => l.id === lab.data.preparedBy);
  if (!lesson)
    throw new Error(
      `content/labs/${lab.id}.mdx: field "preparedBy" names ${lab.data.preparedBy}, which is not a lesson`,
    );
  return lesson;
}

/** A step's progress item, title and page, whatever its kind. */
export function stepItem(step: PathStep): { id: string; title: string; path: string } {
  switch (step.kind) {
    case 'lesson':
      return { id: lessonItemId(step.entry), title: step.entry.data.title, path: lessonPath(step.entry) };
    case 'project':
      return { id: projectItemId(step.entry), title: step.entry.data.title, path: projectPath(step.entry) };
    case 'lab':
      return { id: labItemId(step.entry), title: `Lab: ${step.entry.data.title}`, path: labPath(step.entry) };
  }
}

/**
 * The path by level: lessons in order, each project right after the last of its prerequisite
 * lessons (at the end of its level when it has none), then the labs the lesson prepares. A project
 * whose level disagrees with where its prerequisites put it fails the build, naming the file, and
 * so does a lab easier than the lesson that prepares it.
 */
export async function getLearningPath(): Promise<
  Array<{ level: Level; label: string; summary: string; steps: PathStep[] }>
> {
  const lessons = await getLessons();
  const projects = await getProjects();
  const labsAfter = new Map<string, LabEntry[]>();
  for (const lab of await getLabs()) {
    const lesson = await preparingLesson(lab);
    if (LEVELS.indexOf(levelOf(lesson)) > LEVELS.indexOf(lab.data.level))
      throw new Error(
        `content/labs/${lab.id}.mdx: a ${lab.data.level} lab cannot be prepared by ${lesson.id}, a harder lesson`,
      );
    labsAfter.set(lesson.id, [...(labsAfter.get(lesson.id) ?? []), lab]);
  }
  const after = new Map<string, ProjectEntry[]>();
  const atEnd = new Map<Level, ProjectEntry[]>();
  for (const project of projects) {
    const positions = project.data.prerequisites.map((id) => lessons.findIndex((l) => l.id === id));
    const last = lessons[Math.max(-1, ...positions)];
    if (!last) {
      atEnd.set(project.data.level, [...(atEnd.get(project.data.level) ?? []), project]);
      continue;
    }
    if (levelOf(last) !== project.data.level) {
      throw new Error(
        `content/projects/${project.id}.mdx: field "level" is ${project.data.level}, but its last prerequisite ${last.id} puts it in ${levelOf(last)}`,
      );
    }
    after.set(last.id, [...(after.get(last.id) ?? []), project]);
  }
  return LEVELS.map((level) => {
    const steps: PathStep[] = [];
    for (const lesson of lessons.filter((l) => levelOf(l) === level)) {
      steps.push({ kind: 'lesson', entry: lesson });
      for (const project of after.get(lesson.id) ?? []) steps.push({ kind: 'project', entry: project });
      for (const lab of labsAfter.get(lesson.id) ?? []) steps.push({ kind: 'lab', entry: lab });
    }
    for (const project of atEnd.get(level) ?? []) steps.push({ kind: 'project', entry: project });
    return { level, ...LEVEL_INFO[level], steps };
  }).filter((group) => group.steps.length > 0);
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
    {
      key: 'labs',
      label: 'Labs',
      items: (await getLabs()).map((lab) => ({
        id: labItemId(lab),
        title: `Lab: ${lab.data.title}`,
        path: labPath(lab),
        group: LEVEL_INFO[lab.data.level].label,
        minutes: lab.data.minutes,
      })),
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}
