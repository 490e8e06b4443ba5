/**
 * The workshop room at the top of a project page. A learner who opens a room link joins the room
 * as the page loads (the room store reads the link), and sees its code, its time boxes and a link
 * down to the exercise, where the step timer is, instead of finding the room thousands of
 * pixels below. Text only: nothing from the link is parsed as HTML.
 */
import { $room, leaveRoom } from '../stores/room';

const box = document.querySelector<HTMLElement>('[data-room-notice]');
if (box) {
  const code = box.querySelector<HTMLElement>('[data-room-code]');
  const boxes = box.querySelector<HTMLElement>('[data-room-boxes]');
  box.querySelector('[data-room-leave]')?.addEventListener('click', () => leaveRoom());
  $room.subscribe((room) => {
    box.hidden = !room;
    if (!room || !code || !boxes) return;
    code.textContent = room.code;
    const set = room.boxes.filter((m): m is number => m !== null);
    boxes.textContent =
      set.length === 0
        ? 'No time boxes were set.'
        : `Time boxes for ${set.length} ${set.length === 1 ? 'step' : 'steps'} (${set.reduce((a, b) => a + b, 0)} min in all); the step timer is at the start of the exercise.`;
  });
}
