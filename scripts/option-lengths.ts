/**
 * `npx tsx scripts/option-lengths.ts [file.yaml ...]`: option lengths of every choice question (right
 * ones starred), flagging single-choice questions whose right option is the longest. A writing aid
 * for distractors; `npm run check:content` enforces the limit over the whole bank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('content/questions')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `content/questions/${f}`);
let single = 0,
  longest = 0;
for (const f of files) {
  for (const q of YAML.parse(readFileSync(f, 'utf8')) as Array<{
    id: string;
    type: string;
    options?: Array<{ text: string }>;
    answer?: number | number[];
  }>) {
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const right = new Set(Array.isArray(q.answer) ? q.answer : [q.answer]);
    const lens = (q.options ?? []).map((o) => o.text.length);
    const max = Math.max(...lens);
    const flag = q.type === 'single' && lens[q.answer as number] === max ? '  <- right is longest' : '';
    if (q.type === 'single') {
      single++;
      if (flag) longest++;
    }
    console.log(
      `${q.type.padEnd(8)} ${q.id}: ${lens.map((l, i) => `${l}${right.has(i) ? '*' : ''}`).join(' / ')}${flag}`,
    );
  }
}
console.log(`single choice: right option is the longest in ${longest} of ${single}`);
