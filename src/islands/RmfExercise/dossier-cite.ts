/**
 * Evidence picked from the dossier itself: each fact card carries a button (`data-cite`, hidden
 * until the exercise runs) that cites the fact for the assessment the learner is working on (the
 * one they last focused or set a status on), or removes it again. The cards are page content
 * outside the island, so the island drives their buttons from here.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { RmfAssessment } from '../../lib/exercises/rmf/answers';

interface Options {
  /** The assessment being worked on, once it has a status (evidence belongs to a status). */
  active: RmfAssessment | undefined;
  disabled: boolean;
  /** Cites or uncites a fact for the active assessment. */
  toggle: (subcategory: string, fact: string, on: boolean) => void;
}

export function useDossierCite({ active, disabled, toggle }: Options) {
  const state = useRef({ active, toggle });
  state.current = { active, toggle };

  // One listener for every card's button.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-cite]') : null;
      const { active: current, toggle: apply } = state.current;
      if (!button || !current) return;
      const fact = button.dataset['cite'] ?? '';
      apply(current.subcategory, fact, !current.evidence.includes(fact));
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  // Each button says what it will do for the active assessment.
  useEffect(() => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cite]')) {
      const fact = button.dataset['cite'] ?? '';
      button.hidden = !active;
      if (!active) continue;
      const cited = active.evidence.includes(fact);
      button.disabled = disabled;
      button.setAttribute('aria-pressed', String(cited));
      const label = `${cited ? 'Cited for' : 'Cite for'} ${active.subcategory}`;
      button.textContent = label;
      // Thirty-odd buttons say the same: the name adds the fact, after the words shown.
      const title = button.closest('li')?.querySelector('h4')?.textContent ?? fact;
      button.setAttribute('aria-label', `${label}: ${title}`);
    }
  }, [active, disabled]);
}
