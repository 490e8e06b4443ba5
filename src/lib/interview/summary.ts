/**
 * What the drill shows after an answer and at the end of a mock interview: the criteria's labels
 * and prompts, and the summary of a set of attempts. Apart from record.ts (which every drill page
 * loads to read saved attempts), so these load with the feedback and summary views.
 */
import { CRITERIA, type Criterion, type DrillAttempt } from './record';

/** Each self-assessment criterion's name and what it asks. */
export const CRITERION_LABELS: Record<Criterion, { label: string; prompt: string }> = {
  structure: {
    label: 'Structure',
    prompt: 'A clear order: context first, then the points, then a conclusion or priority.',
  },
  accuracy: { label: 'Framework accuracy', prompt: 'Framework names, IDs and terms used correctly and current.' },
  depth: {
    label: 'AI-specific depth',
    prompt: 'Threats and controls specific to data, models and their outputs, not generic IT security only.',
  },
  practicality: {
    label: 'Practicality',
    prompt: 'What you would actually do, who owns it, and how you would know it worked.',
  },
  communication: { label: 'Communication', prompt: 'Concise, plain words, at the level the listener needs.' },
};

export interface WeakArea {
  /** A topic id or a criterion. */
  name: string;
  kind: 'topic' | 'criterion';
  /** 0..1: average key-point coverage for a topic, average self-score / 5 for a criterion. */
  score: number;
}

/** What a set of attempts says: average coverage and self-scores, and the weakest topics and criteria first. */
export function summarizeAttempts(
  attempts: readonly DrillAttempt[],
  topicOf: (question: string) => string | undefined,
) {
  const coverage =
    attempts.length === 0
      ? 0
      : attempts.reduce((s, a) => s + (a.total === 0 ? 0 : a.covered / a.total), 0) / attempts.length;
  const rated = attempts.filter((a) => a.self !== null);
  const criteria = CRITERIA.map((c) => ({
    name: c,
    kind: 'criterion' as const,
    score: rated.length === 0 ? 0 : rated.reduce((s, a) => s + (a.self?.[c] ?? 0), 0) / rated.length / 5,
  }));
  const byTopic = new Map<string, number[]>();
  for (const a of attempts) {
    const topic = topicOf(a.question);
    if (!topic) continue;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), a.total === 0 ? 0 : a.covered / a.total]);
  }
  const topics = [...byTopic].map(([name, shares]) => ({
    name,
    kind: 'topic' as const,
    score: shares.reduce((s, x) => s + x, 0) / shares.length,
  }));
  const weakest: WeakArea[] = [...topics, ...(rated.length > 0 ? criteria : [])]
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  return {
    coverage,
    structured: attempts.filter((a) => a.structured).length,
    rated: rated.length,
    criteria,
    topics,
    weakest,
  };
}
