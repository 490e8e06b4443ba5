/**
 * Step 2: one threat per row: component, STRIDE category, threat, impact, ratings, mitigation.
 * A row folds to one line (its number, risk, component, category and threat) and opens to edit.
 */
import { isRated, riskBand, riskOf } from '../../lib/exercises/stride/risk';
import { LIMITS } from '../../lib/share/fields';
import {
  STRIDE_LETTERS,
  STRIDE_NAMES,
  type MaybeRating,
  type Rating,
  type StrideLetter,
  type StrideRow,
} from '../../lib/exercises/stride/answers';
import type { StrideDraft } from '../../stores/stride-draft';
import { AttachedNotes, VerdictChip, type AttachedFeedback } from '../common/Feedback';
import { ReadBack } from './ReadBack';
import type { Reader } from './read-back';
import { CATEGORY_LABELS, RATING_ANCHORS, type Choice } from './types';

interface Props {
  draft: StrideDraft;
  row: StrideRow & { id: string };
  index: number;
  count: number;
  components: Choice[];
  question: string | undefined;
  highRisk: boolean;
  disabled: boolean;
  /** Reads the row back as the reviewer will, once loaded. */
  reader: Reader | null;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
  /** What the last check said of this row, and whether the work changed since; none before a check. */
  feedback?: AttachedFeedback | undefined;
  /** Open for editing; closed, the row is one line (number, risk, component, category, threat, verdict). */
  expanded: boolean;
  onToggle: (id: string) => void;
}

function Text({
  id,
  label,
  value,
  placeholder,
  rows,
  onInput,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  rows: number;
  onInput: (v: string) => void;
  disabled: boolean;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        maxLength={LIMITS.text}
        placeholder={placeholder}
        disabled={disabled}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function RatingSelect({
  id,
  label,
  anchors,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  anchors: Readonly<Record<Rating, string>>;
  value: MaybeRating;
  disabled: boolean;
  onChange: (r: MaybeRating) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          onChange(v === 1 || v === 2 || v === 3 ? v : null);
        }}
      >
        <option value="">Not rated yet</option>
        {([1, 2, 3] as const).map((r) => (
          <option key={r} value={r}>
            {anchors[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RowEditor({
  draft,
  row,
  index,
  count,
  components,
  question,
  highRisk,
  disabled,
  reader,
  onDuplicate,
  onDelete,
  feedback,
  expanded,
  onToggle,
}: Props) {
  const n = index + 1;
  const base = `threat-${row.id}`;
  const risk = riskOf(row);
  const set = (patch: Partial<StrideRow>) => draft.updateRow(row.id, patch);
  const componentName = components.find((c) => c.id === row.component)?.name ?? row.component;
  return (
    <div
      class={`threat-row${highRisk ? ' threat-row--high' : ''}${expanded ? ' threat-row--open' : ''}`}
      id={base}
      role="group"
      aria-labelledby={`${base}-n ${base}-risk`}
    >
      <h4 class="threat-row__head">
        <button
          type="button"
          class="threat-row__toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? `${base}-body` : undefined}
          onClick={() => onToggle(row.id)}
        >
          <span class="threat-row__chevron" aria-hidden="true" />
          <span id={`${base}-n`}>Threat {n}</span>
          {isRated(row) ? (
            <span id={`${base}-risk`} class={`risk-badge risk-${riskBand(risk)}`}>
              risk {risk}
            </span>
          ) : (
            <span id={`${base}-risk`} class="risk-badge risk-unrated">
              unrated
            </span>
          )}
          <span class="threat-row__summary">
            <span class="threat-row__component">{componentName}</span>
            <abbr class="threat-row__category" title={STRIDE_NAMES[row.category]}>
              {row.category}
            </abbr>
            <span class="threat-row__text">{row.threat.trim() || '(no threat written yet)'}</span>
          </span>
        </button>
        <VerdictChip feedback={feedback} />
      </h4>
      {expanded && (
        <div class="threat-row__body" id={`${base}-body`}>
          <AttachedNotes feedback={feedback} />
          {highRisk && (
            <p class="meta threat-row__note">One of your highest risks: step 4 asks for a specific mitigation.</p>
          )}
          <div class="threat-row__grid">
            <div class="field">
              <label for={`${base}-component`}>Component</label>
              <select
                id={`${base}-component`}
                value={row.component}
                disabled={disabled}
                onChange={(e) => set({ component: e.currentTarget.value })}
              >
                {components.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`${base}-category`}>STRIDE category</label>
              <select
                id={`${base}-category`}
                value={row.category}
                disabled={disabled}
                onChange={(e) => set({ category: e.currentTarget.value as StrideLetter })}
              >
                {STRIDE_LETTERS.map((letter) => (
                  <option key={letter} value={letter}>
                    {CATEGORY_LABELS[letter]}
                  </option>
                ))}
              </select>
            </div>
            <RatingSelect
              id={`${base}-likelihood`}
              label="Likelihood"
              anchors={RATING_ANCHORS.likelihood}
              value={row.likelihood}
              disabled={disabled}
              onChange={(likelihood) => set({ likelihood })}
            />
            <RatingSelect
              id={`${base}-severity`}
              label="Severity"
              anchors={RATING_ANCHORS.severity}
              value={row.severity}
              disabled={disabled}
              onChange={(severity) => set({ severity })}
            />
          </div>
          {question && <p class="guiding-question">Ask: {question}</p>}
          <Text
            id={`${base}-threat`}
            label="Threat"
            rows={2}
            value={row.threat}
            disabled={disabled}
            placeholder="Who does what, to which asset, and how?"
            onInput={(threat) => set({ threat })}
          />
          <ReadBack
            reader={reader}
            id={base}
            n={n}
            threat={row.threat}
            impact={row.impact}
            chosen={row.reading}
            componentName={componentName}
            disabled={disabled}
            onChoose={(reading) => draft.setReading(row.id, reading)}
          />
          <Text
            id={`${base}-impact`}
            label="Potential impact"
            rows={2}
            value={row.impact}
            disabled={disabled}
            placeholder="What happens to patients, the hospital or the data if it works?"
            onInput={(impact) => set({ impact })}
          />
          <Text
            id={`${base}-mitigation`}
            label="Mitigation"
            rows={2}
            value={row.mitigation}
            disabled={disabled}
            placeholder="Which control would prevent or detect it here?"
            onInput={(mitigation) => set({ mitigation })}
          />
          <div class="threat-row__actions">
            <button
              type="button"
              class="button secondary small"
              disabled={disabled || index === 0}
              onClick={() => draft.moveRow(row.id, -1)}
              aria-label={`Move threat ${n} up`}
            >
              Move up
            </button>
            <button
              type="button"
              class="button secondary small"
              disabled={disabled || index === count - 1}
              onClick={() => draft.moveRow(row.id, 1)}
              aria-label={`Move threat ${n} down`}
            >
              Move down
            </button>
            <button
              type="button"
              class="button secondary small"
              disabled={disabled}
              onClick={() => onDuplicate(row.id)}
              aria-label={`Duplicate threat ${n}`}
            >
              Duplicate
            </button>
            <button
              type="button"
              class="button danger small"
              disabled={disabled}
              onClick={() => onDelete(row.id)}
              aria-label={`Delete threat ${n}`}
            >
              Delete
            </button>
            <button
              type="button"
              class="button secondary small"
              onClick={() => onToggle(row.id)}
              aria-label={`Done with threat ${n}: fold it to one line`}
            >
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
