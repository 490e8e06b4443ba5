/** Step 4: the highest-risk rows, each of which needs a specific mitigation. */
import type { StrideRow } from '../../lib/share/submission';
import type { Choice } from './types';

interface Props {
  rows: ReadonlyArray<StrideRow & { id: string }>;
  highRisk: ReadonlySet<string>;
  components: Choice[];
  onShow: (id: string) => void;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export function Mitigate({ rows, highRisk, components, onShow }: Props) {
  const top = rows.map((row, i) => ({ row, n: i + 1 })).filter(({ row }) => highRisk.has(row.id));
  if (top.length === 0) return <p class="callout">Rate your threats in step 2; the highest-risk ones appear here.</p>;
  const name = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  return (
    <ul class="mitigate-list">
      {top.map(({ row, n }) => {
        const count = words(row.mitigation);
        const status = count === 0 ? 'missing' : count < 5 ? 'thin' : 'ok';
        return (
          <li key={row.id} class={`mitigate-item mitigate-${status}`}>
            <p>
              <strong>Threat {n}</strong> ({name(row.component)}, risk {row.likelihood * row.severity}): {row.threat || '(no threat written yet)'}
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
