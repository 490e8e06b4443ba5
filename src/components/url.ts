import { withBase } from '../lib/site/paths';

/** An internal link with the deploy base in front, e.g. url('/learn/') -> '/lab/learn/'. */
export const url = (path: string): string => withBase(import.meta.env.BASE_URL, path);
