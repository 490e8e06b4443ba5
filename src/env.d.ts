declare namespace App {
  interface Locals {
    /** The content file a page is rendering, so MDX components can name it in build errors. */
    contentFile?: string;
    /** Counts <Term> tooltips on the page, for unique ids. */
    termCount?: number;
    /** The lesson being rendered: its progress item id and its check ids in page order. */
    lessonChecks?: { item: string; ids: string[] };
  }
}
