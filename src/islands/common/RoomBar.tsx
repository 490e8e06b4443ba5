/**
 * Shown in an exercise when the learner joined a workshop room: the room code, and a countdown per
 * step when the instructor set time boxes. The timer is the learner's own: start, pause, next.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { $room, leaveRoom } from '../../stores/room';

const clock = (s: number) =>
  `${s < 0 ? '-' : ''}${Math.floor(Math.abs(s) / 60)}:${String(Math.floor(Math.abs(s) % 60)).padStart(2, '0')}`;

export function RoomBar({ steps }: { steps: Array<{ id: string; label: string }> }) {
  const room = useStore($room);
  const [step, setStep] = useState(0);
  const [used, setUsed] = useState(0);
  const [since, setSince] = useState<number | null>(null);
  const [, redraw] = useState(0);

  useEffect(() => {
    if (since === null) return;
    const id = window.setInterval(() => redraw((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, [since]);

  if (!room) return null;
  const box = room.boxes[step];
  const elapsed = used + (since === null ? 0 : (Date.now() - since) / 1000);
  const left = box === undefined || box === null ? 0 : box * 60 - elapsed;
  const toggle = () => {
    if (since === null) setSince(Date.now());
    else {
      setUsed(elapsed);
      setSince(null);
    }
  };
  const next = () => {
    setStep((s) => Math.min(s + 1, room.boxes.length - 1));
    setUsed(0);
    setSince(since === null ? null : Date.now());
  };

  return (
    <div class="room-bar" role="region" aria-label={`Workshop room ${room.code}`}>
      <p>
        <strong>Room {room.code}</strong>
        {room.boxes.length > 0 && (
          <span class="meta">
            {' '}
            · time boxes:{' '}
            {room.boxes
              .flatMap((m, i) => (m === null ? [] : [`${steps[i]?.label ?? `step ${i + 1}`} ${m} min`]))
              .join(', ')}
          </span>
        )}
      </p>
      {box !== undefined && (
        <p class="room-bar__timer">
          {steps[step]?.label ?? `Step ${step + 1}`}:{' '}
          {box === null ? (
            'no time box'
          ) : (
            <>
              <span class={left < 0 ? 'timer--over' : ''}>{clock(left)}</span> {since === null ? '(paused)' : ''}{' '}
              <button type="button" class="button secondary small" onClick={toggle}>
                {since === null ? (elapsed > 0 ? 'Resume' : 'Start the step timer') : 'Pause'}
              </button>
            </>
          )}{' '}
          {step < room.boxes.length - 1 && (
            <button type="button" class="button secondary small" onClick={next}>
              Next step
            </button>
          )}
        </p>
      )}
      <button type="button" class="button secondary small" onClick={leaveRoom}>
        Leave the room
      </button>
    </div>
  );
}
