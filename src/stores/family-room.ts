/** Registers the `room` family (the workshop room this browser joined), for its store and the Progress page. */
import { registerFamily, type KeyFamily } from '../lib/progress/keys';
import { parseRoom, type RoomSettings } from '../lib/workshop/room';

export const ROOM_FAMILY: KeyFamily<RoomSettings> = {
  prefix: 'room',
  exact: true,
  label: 'workshop room',
  workshop: true,
  validate: parseRoom,
};
registerFamily(ROOM_FAMILY);
