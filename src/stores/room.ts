/**
 * The workshop room this browser joined (`aitm:v1:room`): set when a learner opens a room link,
 * read by the exports (which carry the code) and the step timers.
 */
import { onMount } from 'nanostores';
import { roomFromQuery, type RoomSettings } from '../lib/workshop/room';
import { ROOM_FAMILY } from './family-room';
import { notify } from './notices';
import { removeEntry, writeEntry } from './storage';
import { storedAtom } from './stored-atom';

export const $room = storedAtom<RoomSettings | null>(ROOM_FAMILY, 'room', () => null);

// A room link joins the room, replacing any earlier one; the atom follows the write. What the
// link got wrong is said, not silently dropped.
onMount($room, () => {
  if (typeof window === 'undefined') return;
  const { room, ignored } = roomFromQuery(window.location.search);
  if (room) writeEntry('room', room);
  if (ignored.length > 0) notify({ id: 'room-link', tone: 'warning', message: ignored.join(' ') });
});

export function leaveRoom(): void {
  removeEntry('room');
  $room.set(null);
}
