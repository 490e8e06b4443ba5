/** Which stored keys are settings rather than work: "reset all progress" and imports keep them. */
import { familyOf } from './keys';

/** Whether a key (without `aitm:v1:`) holds a setting, such as the color theme. */
export function isPreferenceKey(key: string): boolean {
  return familyOf(key)?.preference === true;
}
