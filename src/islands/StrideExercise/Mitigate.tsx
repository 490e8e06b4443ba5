/** Step 4: the highest-risk rows, each of which needs a specific mitigation. */
import { useWordCount } from '../common/word-count';
import { MIN_MITIGATION_WORDS, riskOf } from '../../lib/exercises/stride/risk';
import type { StrideRow } from '../../lib/exercises/stride/answers';
import type { Choice } from './types';

interface Props {
  rows: ReadonlyArray<StrideRow & { id: string }>;
  highRisk: ReadonlySet<string>;
  components: Choice[];
  onShow: (id: string) => void;
}

export function Mitigate({ rows, highRisk, components, onShow }: Props) {
  // Until the counter loads (a moment), a written mitigation counts as given.
  const count = useWordCount() ?? (() => MIN_MITIGATION_WORDS);
  const top = rows.map((row, i) => ({ row, n: i + 1 })).filter(({ row }) => highRisk.has(row.id));
  if (top.length === 0) return <p class="callout">Rate your threats in step 2; the highest-risk ones appear here.</p>;
  const name = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  return (
    <ul class="mitigate-list">
      {top.map(({ row, n }) => {
        const status =
          row.mitigation.trim() === '' ? 'missing' : count(row.mitigation) < MIN_MITIGATION_WORDS ? 'thin' : 'ok';
        return (
          <li key={row.id} class={`mitigate-item mitigate-${status}`}>
            <p>
              <strong>Threat {n}</strong> ({name(row.component)}, risk {riskOf(row)}):{' '}
              {row.threat || '(no threat written yet)'}
            </p>
            <p>
              {status === 'missing' && <span class="badge in-progress">No mitigation yet</span>}
              {status === 'thin' && <span class="badge in-progress">Mitigation looks too short to act on</span>}
              {status === 'ok' && <span class="badge done">Mitigation given</span>} {row.mitigation}
            </p>
            <button type="button" class="button secondary small" onClick={() => onShow(row.id)}>
              Edit threat {n}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
