/** `npm run check:interview`: the interview question bank's problems, one per line; exit 1 if any. */
import { loadInterviewContent } from './lib/interview-content';

const { questions, problems } = loadInterviewContent();
for (const p of problems) console.error(p);
const byTopic = new Map<string, number>();
for (const q of questions) byTopic.set(q.topic, (byTopic.get(q.topic) ?? 0) + 1);
console.log(
  `${questions.length} interview questions: ${[...byTopic].map(([t, n]) => `${t} ${n}`).join(', ')}. ${problems.length} problem(s).`,
);
process.exit(problems.length > 0 ? 1 : 0);
