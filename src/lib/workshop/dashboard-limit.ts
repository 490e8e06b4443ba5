/** The most results a workshop dashboard keeps: a large workshop several times over, within storage quotas. */
export const DASHBOARD_LIMIT = 300;
