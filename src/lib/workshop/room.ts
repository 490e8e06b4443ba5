/**
 * A workshop room: a short code the instructor chooses, and optional time boxes (minutes) for the
 * steps of a project. It travels in a link (`?room=CODE&t=15-30-20-10`, a blank for a step
 * without a box: `t=-30-20`); learners' exports carry the code, so the dashboard can tell rooms apart.
 */
export interface RoomSettings {
  code: string;
  /**
   * Minutes per step, in step order; null for a step without a time box (its position is kept,
   * so a blank step never shifts the others). Empty when the instructor set none.
   */
  boxes: Array<number | null>;
}

export const ROOM_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
const MAX_BOXES = 8;
const MIN_MINUTES = 1;
const MAX_MINUTES = 240;

/** A time box in minutes: a whole number from 1 to 240. */
export const isMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_MINUTES && value <= MAX_MINUTES;

export function parseRoom(value: unknown): RoomSettings | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (
    Object.keys(v).length !== 2 ||
    typeof v['code'] !== 'string' ||
    !ROOM_CODE.test(v['code']) ||
    !Array.isArray(v['boxes'])
  )
    return null;
  const boxes: unknown[] = v['boxes'];
  if (boxes.length > MAX_BOXES || !boxes.every((b) => b === null || isMinutes(b))) return null;
  return { code: v['code'], boxes: boxes as Array<number | null> };
}

/** What a room link says: the room, and the time boxes it had to ignore (with why). */
export interface RoomFromLink {
  room: RoomSettings | null;
  /** Plain-language problems, one per ignored part; empty when the link was clean. */
  ignored: string[];
}

/**
 * Reads a room from a link's query string, step by step: a time box that is not a whole number
 * of minutes from 1 to 240 is ignored for its step (the others keep their steps) and reported.
 * No room when the link has none or its code is malformed (reported too).
 */
export function roomFromQuery(search: string, stepLabels: readonly string[] = []): RoomFromLink {
  const params = new URLSearchParams(search);
  const code = params.get('room');
  if (code === null) return { room: null, ignored: [] };
  if (!ROOM_CODE.test(code))
    return {
      room: null,
      ignored: [
        `The link’s room code "${code.slice(0, 40)}" is not valid (2 to 40 letters, digits or dashes), so you did not join a room. Ask your instructor for the link again.`,
      ],
    };
  const ignored: string[] = [];
  const parts = (params.get('t') ?? '').split('-');
  if (parts.length > MAX_BOXES) ignored.push(`time boxes after the ${MAX_BOXES}th step`);
  const boxes = parts.slice(0, MAX_BOXES).map((part, i) => {
    if (part === '') return null;
    const minutes = /^\d{1,3}$/.test(part) ? Number(part) : NaN;
    if (isMinutes(minutes)) return minutes;
    ignored.push(
      `"${part.slice(0, 12)}" for ${stepLabels[i] ?? `step ${i + 1}`} (not ${MIN_MINUTES} to ${MAX_MINUTES} minutes)`,
    );
    return null;
  });
  while (boxes.length > 0 && boxes[boxes.length - 1] === null) boxes.pop();
  return {
    room: { code, boxes },
    ignored:
      ignored.length === 0
        ? []
        : [`Joined room ${code}. The link’s time boxes had problems, ignored: ${ignored.join('; ')}.`],
  };
}

/** The `t` parameter: minutes per step, a blank for a step without a box; none when no step has one. */
export function roomLink(origin: string, projectPath: string, room: RoomSettings): string {
  const params = new URLSearchParams({ room: room.code });
  const boxes = [...room.boxes];
  while (boxes.length > 0 && boxes[boxes.length - 1] === null) boxes.pop();
  if (boxes.length > 0) params.set('t', boxes.map((b) => b ?? '').join('-'));
  return `${origin}${projectPath}?${params.toString()}`;
}
