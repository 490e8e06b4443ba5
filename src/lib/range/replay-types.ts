/** What replaying a recorded range run found (types only: graders read them without loading the range). */
import type { RangeRunRecord } from '../exercises/atlas/answers';

/**
 * - `reproduced`: replayed from its seed and settings, the range gives the recorded figures;
 * - `differs`: it gives other figures (listed), so the record is not what the range showed;
 * - `unreplayable`: the record has no settings, or an attack the range does not have;
 * - `not-replayed`: past the cap, and not needed for credit.
 */
export type ReplayStatus = 'reproduced' | 'differs' | 'unreplayable' | 'not-replayed';

export interface RunReplay {
  /** Index of the run in the answers. */
  index: number;
  status: ReplayStatus;
  /** Fields whose recorded value the replay does not give, as "field: recorded -> replayed". */
  differs?: string[];
  /** The record the replay made, for `reproduced` and `differs` (false declines included). */
  replayed?: RangeRunRecord;
}
