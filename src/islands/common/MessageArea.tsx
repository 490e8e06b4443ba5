/**
 * Where an island reports what just happened: successes (with Undo when it applies) in a polite
 * live region, errors in an alert, so screen readers hear both at the right urgency.
 */

/** A message for the learner; `undo` puts things back as they were. */
export interface Message {
  tone: 'success' | 'error';
  text: string;
  undo?: () => void;
}

export function MessageArea({ message }: { message: Message | null }) {
  return (
    <>
      <div role="status" aria-live="polite" class="message-area">
        {message?.tone === 'success' && (
          <p class="callout">
            {message.text}{' '}
            {message.undo && (
              <button type="button" class="button secondary small" onClick={message.undo}>
                Undo
              </button>
            )}
          </p>
        )}
      </div>
      <div role="alert" class="message-area">
        {message?.tone === 'error' && <p class="callout error">{message.text}</p>}
      </div>
    </>
  );
}
