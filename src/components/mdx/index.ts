/**
 * Components available inside lesson, project and workshop MDX without imports: pages render
 * content with `<Content components={mdxComponents} />`, so authors write prose, not code.
 */
import Callout from './Callout.astro';

export const mdxComponents = { Callout };
