/** A STRIDE-AI row for store and merge tests: an id, a threat, and plain defaults for the rest. */
import type { StrideRow } from '../../../src/lib/exercises/stride/answers';

export const strideRow = (id: string, threat: string, patch: Partial<StrideRow> = {}): StrideRow & { id: string } => ({
  id,
  component: 'inference-api',
  category: 'S',
  threat,
  impact: '',
  likelihood: 2,
  severity: 2,
  mitigation: '',
  ...patch,
});
