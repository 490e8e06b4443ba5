/**
 * The workshop room this browser joined (`aitm:v1:room`): set when a learner opens a room link,
 * read by the exports (which carry the code) and the step timers.
 */
import { atom, onMount } from 'nanostores';
import { registerFamily } from '../lib/progress/keys';
import { parseRoom, roomFromQuery, type RoomSettings } from '../lib/workshop/room';
import { readEntry, removeEntry, subscribeChanges, writeEntry } from './storage';

registerFamily({ prefix: 'room', exact: true, label: 'workshop room', preference: true, validate: parseRoom });

export const $room = atom<RoomSettings | null>(null);

const load = () => $room.set((readEntry('room') as RoomSettings | undefined) ?? null);

onMount($room, () => {
  // A room link joins the room, replacing any earlier one.
  const fromLink = typeof window === 'undefined' ? null : roomFromQuery(window.location.search);
  if (fromLink) writeEntry('room', fromLink);
  load();
  return subscribeChanges((changed) => {
    if (changed === null || changed === 'room') load();
  });
});

export function leaveRoom(): void {
  removeEntry('room');
  $room.set(null);
}
