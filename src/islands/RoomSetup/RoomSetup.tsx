/**
 * The instructor's room page: choose a room code and, per project or lab, optional time boxes for
 * its steps; get the link learners open (and a QR code of it). Learners who open the link see the
 * timers, and their exports carry the room code.
 */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isMinutes, ROOM_CODE, roomLink } from '../../lib/workshop/room';
import { withBase } from '../../lib/site/paths';

interface Props {
  base: string;
  /** Every page with an exercise: its site path, and the steps its kind shows. */
  exercises: Array<{ id: string; title: string; path: string; group: string; steps: string[] }>;
  /** The room code's help line (page copy, kept in the page rather than in the script). */
  help: string;
}

export default function RoomSetup({ base, exercises, help }: Props) {
  const [code, setCode] = useState('');
  const [project, setProject] = useState(exercises[0]?.id ?? '');
  const [boxes, setBoxes] = useState<Record<string, string[]>>({});
  const [qr, setQr] = useState<ComponentType<{ text: string }> | null>(null);
  const [copied, setCopied] = useState('');
  // The fields stay disabled until the island runs, so nothing typed before then is lost.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const chosen = exercises.find((p) => p.id === project);
  const groups = [...new Set(exercises.map((p) => p.group))];
  const valid = ROOM_CODE.test(code);
  const invalid = code !== '' && !valid;
  // Each step keeps its place: a blank or invalid box is no box for that step only.
  const typed = boxes[project] ?? [];
  const minutes = typed.map((v) => (v.trim() !== '' && isMinutes(Number(v)) ? Number(v) : null));
  const wrong = (i: number) => (typed[i] ?? '').trim() !== '' && minutes[i] === null;
  const link =
    valid && chosen && ready
      ? roomLink(window.location.origin, withBase(base, chosen.path), { code, boxes: minutes })
      : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      setCopied('Your browser did not allow copying: select the link and copy it yourself.');
    }
  };

  const showQr = async () => {
    const { QrCode } = await import('../common/QrCode');
    setQr(() => QrCode);
  };

  return (
    <fieldset class="room-setup" disabled={!ready}>
      <div class="field">
        <label for="room-code">Room code (2 to 40 letters, digits or dashes)</label>
        <input
          id="room-code"
          type="text"
          maxLength={40}
          value={code}
          aria-describedby="room-code-help"
          aria-invalid={invalid}
          onInput={(e) => setCode(e.currentTarget.value.trim())}
        />
        <p id="room-code-help" class="meta">
          {invalid ? 'Use only letters, digits and dashes, starting with a letter or digit.' : help}
        </p>
      </div>
      <div class="field">
        <label for="room-project">Project or lab</label>
        <select id="room-project" value={project} onChange={(e) => setProject(e.currentTarget.value)}>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {exercises
                .filter((p) => p.group === group)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {chosen && (
        <fieldset class="room-setup__boxes">
          <legend>Time boxes in minutes (optional; leave blank for none)</legend>
          {chosen.steps.map((step, i) => (
            <div key={step} class="field">
              <label for={`box-${i}`}>{step}</label>
              <input
                id={`box-${i}`}
                type="number"
                min={1}
                max={240}
                value={boxes[project]?.[i] ?? ''}
                aria-invalid={wrong(i)}
                aria-describedby={wrong(i) ? `box-${i}-error` : undefined}
                onInput={(e) => {
                  const next = [...(boxes[project] ?? chosen.steps.map(() => ''))];
                  next[i] = e.currentTarget.value;
                  setBoxes({ ...boxes, [project]: next });
                }}
              />
              {wrong(i) && (
                <p id={`box-${i}-error`} class="meta">
                  Whole minutes from 1 to 240; this step gets no time box.
                </p>
              )}
            </div>
          ))}
        </fieldset>
      )}
      {link ? (
        <div class="room-setup__link">
          <label for="room-link">Link for learners</label>
          <input id="room-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <div class="button-row">
            <button type="button" class="button" onClick={() => void copy()}>
              Copy the link
            </button>
            <button type="button" class="button secondary" onClick={() => void showQr()}>
              Show a QR code of the link
            </button>
          </div>
          <p role="status" class="meta">
            {copied}
          </p>
          {qr && h(qr, { text: link })}
        </div>
      ) : (
        <p class="empty-state">Choose a room code to get the link.</p>
      )}
    </fieldset>
  );
}
