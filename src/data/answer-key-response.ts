/** An exercise's answer key as the JSON file its page fetches at the first check. */
import { isExerciseId } from '../lib/exercises/registry';
import { getExerciseMaterial } from './exercises';

export async function answerKeyResponse(exercise: string | undefined, section: 'projects' | 'labs'): Promise<Response> {
  const file = `content/${section}/${exercise}.mdx`;
  if (!isExerciseId(exercise)) throw new Error(`${file}: not an exercise the registry lists`);
  const { rubric } = await getExerciseMaterial(exercise, file);
  return new Response(JSON.stringify(rubric), { headers: { 'Content-Type': 'application/json' } });
}
