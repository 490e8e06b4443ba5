/**
 * Glossary tooltips (<Term>) show on hover and keyboard focus through CSS; this adds the
 * Escape key that hides them until the pointer or focus leaves (WCAG 1.4.13).
 */
export function startTermTips(): void {
  const terms = document.querySelectorAll('.term');
  if (terms.length === 0) return;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape')
      for (const term of document.querySelectorAll('.term:hover, .term:focus-within'))
        term.classList.add('is-dismissed');
  });
  for (const term of terms) {
    const show = () => term.classList.remove('is-dismissed');
    term.addEventListener('mouseleave', show);
    term.addEventListener('focusout', show);
  }
}
