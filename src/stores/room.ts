/**
 * The workshop room this browser joined (`aitm:v1:room`): set when a learner opens a room link,
 * read by the exports (which carry the code) and the step timers.
 */
import { onMount } from 'nanostores';
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { parseRoom, roomFromQuery, type RoomSettings } from '../lib/workshop/room';
import { removeEntry, writeEntry } from './storage';
import { storedAtom } from './stored-atom';

const ROOM_FAMILY: KeyFamily<RoomSettings> = {
  prefix: 'room',
  exact: true,
  label: 'workshop room',
  preference: true,
  validate: parseRoom,
};
registerFamily(ROOM_FAMILY);

export const $room = storedAtom<RoomSettings | null>(ROOM_FAMILY, 'room', () => null);

// A room link joins the room, replacing any earlier one; the atom follows the write.
onMount($room, () => {
  const fromLink = typeof window === 'undefined' ? null : roomFromQuery(window.location.search);
  if (fromLink) writeEntry('room', fromLink);
});

export function leaveRoom(): void {
  removeEntry('room');
  $room.set(null);
}
