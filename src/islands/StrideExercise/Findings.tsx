/** Step 3: the findings as a sortable table (threat, component, impact, risk) and a 3 x 3 risk matrix. */
import { isRated, ratingText, riskBand, riskOf } from '../../lib/exercises/stride/risk';
import { useState } from 'preact/hooks';
import type { StrideRow } from '../../lib/exercises/stride/answers';
import { CATEGORY_LABELS, RATING_LABELS, type Choice } from './types';

type SortKey = 'risk' | 'component' | 'category';

interface Props {
  rows: ReadonlyArray<StrideRow & { id: string }>;
  components: Choice[];
  onShow: (id: string) => void;
}

export function Findings({ rows, components, onShow }: Props) {
  const [sort, setSort] = useState<SortKey>('risk');
  const name = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  const numbered = rows.map((row, i) => ({ row, n: i + 1 }));
  const sorted = [...numbered].sort((a, b) => {
    if (sort === 'risk') return riskOf(b.row) - riskOf(a.row) || a.n - b.n;
    if (sort === 'component') return name(a.row.component).localeCompare(name(b.row.component)) || a.n - b.n;
    return a.row.category.localeCompare(b.row.category) || a.n - b.n;
  });
  const unrated = numbered.filter(({ row }) => !isRated(row));
  if (rows.length === 0)
    return <p class="callout">No threats yet. Add them in step 2, and they appear here ranked by risk.</p>;
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? (key === 'risk' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort-button" onClick={() => setSort(key)}>
        {label}
        <span class="visually-hidden">{sort === key ? ', sorted' : ', sort by this column'}</span>
      </button>
    </th>
  );
  return (
    <div class="findings">
      <div class="table-wrap">
        <table class="findings__table">
          <caption class="visually-hidden">Your threats, sortable by risk, component or category</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Threat</th>
              {header('component', 'Component')}
              {header('category', 'Category')}
              <th scope="col">Potential impact</th>
              {header('risk', 'Risk')}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ row, n }) => (
              <tr key={row.id} class={riskOf(row) >= 6 ? 'row-high' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => onShow(row.id)}
                    aria-label={`Edit threat ${n}`}
                  >
                    {n}
                  </button>
                </th>
                <td>{row.threat || <span class="meta">(no threat written yet)</span>}</td>
                <td>{name(row.component)}</td>
                <td>{CATEGORY_LABELS[row.category]}</td>
                <td>{row.impact || <span class="meta">—</span>}</td>
                <td>
                  {isRated(row) ? (
                    <>
                      {riskOf(row)} <span class="meta">({ratingText(row, '×')})</span>
                    </>
                  ) : (
                    <span class="meta">{ratingText(row)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 id="risk-matrix-title">Risk matrix</h4>
      {unrated.length > 0 && (
        <p class="meta" data-testid="unrated-note">
          Not on the matrix until rated: {unrated.map(({ n }) => `#${n}`).join(', ')}. Rate them in step 2.
        </p>
      )}
      <div class="table-wrap">
        <table class="risk-matrix" aria-labelledby="risk-matrix-title">
          <thead>
            <tr>
              <td />
              {([1, 2, 3] as const).map((s) => (
                <th key={s} scope="col">
                  Severity {RATING_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {([3, 2, 1] as const).map((l) => (
              <tr key={l}>
                <th scope="row">Likelihood {RATING_LABELS[l]}</th>
                {([1, 2, 3] as const).map((s) => {
                  const here = numbered.filter(({ row }) => row.likelihood === l && row.severity === s);
                  const level = riskBand(l * s);
                  return (
                    <td key={s} class={`risk-cell risk-${level}`}>
                      <span class="visually-hidden">{level} risk: </span>
                      {here.length === 0 ? <span class="meta">none</span> : here.map(({ n }) => `#${n}`).join(' ')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
