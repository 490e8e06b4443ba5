/** Home page: "welcome back" with counts and a link to continue, shown once there is progress. */
import { useStore } from '@nanostores/preact';
import { withBase } from '../../lib/site/paths';
import { summarise, type ListedItem } from '../../lib/progress/summary';
import { $progress } from '../../stores/progress';

interface Props {
  items: ListedItem[];
  /** Deploy base path (import.meta.env.BASE_URL). */
  base: string;
}

export default function ProgressSummary({ items, base }: Props) {
  const progress = useStore($progress, { ssr: 'initial' });
  const summary = summarise(items, progress);
  if (summary.started === 0) return null;
  return (
    <section class="card progress-summary" aria-labelledby="progress-summary-title">
      <h2 id="progress-summary-title">Welcome back</h2>
      <p>
        You have started {summary.started} of {summary.total} {summary.total === 1 ? 'item' : 'items'} and finished{' '}
        {summary.done}.
      </p>
      <div class="button-row">
        {summary.continueWith && (
          <a class="button" href={withBase(base, summary.continueWith.path)}>
            Continue: {summary.continueWith.title}
          </a>
        )}
        <a class="button secondary" href={withBase(base, '/progress/')}>
          See all progress
        </a>
      </div>
    </section>
  );
}
