/**
 * A workshop room: a short code the instructor chooses, and optional time boxes (minutes) for the
 * steps of a project. It travels in a link (`?room=CODE&t=15-30-20-10`); learners' exports carry
 * the code, so the dashboard can tell rooms apart.
 */
export interface RoomSettings {
  code: string;
  /** Minutes per step, in step order; empty when the instructor set none. */
  boxes: number[];
}

export const ROOM_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
const MAX_BOXES = 8;

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
  const boxes = v['boxes'];
  if (
    boxes.length > MAX_BOXES ||
    !boxes.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 1 && b <= 240)
  )
    return null;
  return { code: v['code'], boxes: [...(boxes as number[])] };
}

/** Reads a room from a link's query string; null when it has none or it is malformed. */
export function roomFromQuery(search: string): RoomSettings | null {
  const params = new URLSearchParams(search);
  const code = params.get('room');
  if (!code) return null;
  const t = params.get('t');
  const boxes = t ? t.split('-').map((x) => Number(x)) : [];
  return parseRoom({ code, boxes });
}

/** The link learners open: the project page with the room in its query string. */
export function roomLink(origin: string, projectPath: string, room: RoomSettings): string {
  const params = new URLSearchParams({ room: room.code });
  if (room.boxes.length > 0) params.set('t', room.boxes.join('-'));
  return `${origin}${projectPath}?${params.toString()}`;
}
