/**
 * The stakeholder report as a page section: the learner's summary, the top three gaps, the
 * obligations, and the assessment in framework order. It prints on its own (print styles hide
 * the rest of the page while it is open). Learner text is rendered as text, never as HTML.
 */
import { inFrameworkOrder, type RmfExportContext } from '../../lib/exercises/rmf/export';
import { RMF_STATUS_LABELS, type RmfAnswers } from '../../lib/exercises/rmf/answers';

interface Props {
  answers: RmfAnswers;
  context: RmfExportContext;
  onClose: () => void;
}

export function StakeholderReport({ answers, context, onClose }: Props) {
  const paragraphs = answers.report.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  const title = (id: string) => context.subcategories[id] ?? '';
  return (
    <section
      class="stakeholder-report"
      aria-labelledby="stakeholder-report-title"
      id="stakeholder-report"
      tabIndex={-1}
    >
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" class="button secondary" onClick={onClose}>
          Close the report
        </button>
      </div>
      <h3 id="stakeholder-report-title">AI RMF gap analysis: {context.title}</h3>
      <p class="meta">Assessed against NIST AI RMF 1.0. Synthetic scenario, for training.</p>
      <h4>Summary</h4>
      {paragraphs.length > 0 ? (
        paragraphs.map((p, i) => <p key={i}>{p}</p>)
      ) : (
        <p class="meta">No summary written yet.</p>
      )}
      <h4>Top three gaps</h4>
      {answers.priorities.length === 0 ? (
        <p class="meta">None chosen yet.</p>
      ) : (
        <ol>
          {answers.priorities.map((p, i) => (
            <li key={i}>
              <strong>
                {p.subcategory} {title(p.subcategory)}
              </strong>
              <dl class="compact">
                <dt>Gap</dt>
                <dd>{p.gap || '—'}</dd>
                <dt>Mitigation</dt>
                <dd>{p.mitigation || '—'}</dd>
                <dt>Owner</dt>
                <dd>{p.owner || 'not set'}</dd>
                <dt>Due</dt>
                <dd>{p.due || 'not set'}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      <h4>Obligations that apply</h4>
      <ul>
        {context.obligations.map((o) => (
          <li key={o.name}>
            <strong>{o.name}:</strong> {o.text}
          </li>
        ))}
      </ul>
      <h4>Assessment</h4>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Status of each subcategory assessed</caption>
          <thead>
            <tr>
              <th scope="col">Subcategory</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {inFrameworkOrder(answers.assessments).map((a) => (
              <tr key={a.subcategory}>
                <th scope="row">
                  {a.subcategory} <span class="meta">{title(a.subcategory)}</span>
                </th>
                <td>{RMF_STATUS_LABELS[a.status]}</td>
                <td>{a.evidence.map((e) => context.factTitles[e] ?? e).join('; ')}</td>
                <td>{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
