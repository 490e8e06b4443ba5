/** ATLAS maturity levels: how far a technique has been shown to work. Free of zod so page scripts can use it. */
export const MATURITIES = ['feasible', 'demonstrated', 'realized'] as const;
export type Maturity = (typeof MATURITIES)[number];
