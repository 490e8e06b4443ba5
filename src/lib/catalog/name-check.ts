/**
 * Catches a framework ID written beside another item's name: "Craft Adversarial Data (AML.T0015)"
 * or "LLM09:2026 Sensitive Information Disclosure". The ID exists, so the ID check passes, but a
 * learner who trusts the name learns the wrong ID. A name counts when it is an item's current or
 * former name in the catalog; names of more than one item, and one-word names, are not judged.
 * An item's own former name beside its ID is caught too ("AML.M0004 Restrict Number of AI Model
 * Queries"), unless the text just before says it is a former name ("formerly", "once", "was"…).
 */

/** What the check needs of the catalog: every item's ID and its names. */
export interface NamedItem {
  id: string;
  names: readonly string[];
  /** The current name; the other names are former ones. Without it no name counts as former. */
  current?: string;
}

export interface NameMismatch {
  id: string;
  /** The name as written. */
  wrote: string;
  /** The item that name belongs to. */
  belongsTo: string;
  /** The name is the item's own former name, written as if current. */
  former?: true;
}

/** Words that mark a name as a former one: "formerly X (ID)", "once X (ID)". */
const FORMER_MARK = /\b(formerly|once|was|were|previously|former|old|renamed|became|called|until|from)\b[^.;]{0,40}$/i;

const ID = String.raw`(?:AML\.(?:TA|T|M|CS)\d{4}(?:\.\d{3})?|(?:LLM|ML)\d{2}:\d{4}|ASI\d{2}(?::\d{4})?|(?:GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+)`;
const BEFORE = new RegExp(String.raw`\((${ID})\)`, 'g');
/** An ID then a space or colon and a name, as in "LLM09:2026 Vector and Embedding Weaknesses"; a comma after the ID starts a list instead. */
const AFTER = new RegExp(String.raw`(?<![\w.:])(${ID})(?: |: )`, 'g');

/** Builds the matcher once for a catalog. */
export function nameChecker(items: readonly NamedItem[]): (text: string) => NameMismatch[] {
  const owners = new Map<string, Set<string>>();
  for (const item of items)
    for (const name of item.names) {
      const key = name.trim().toLowerCase();
      if (key.split(/\s+/).length < 2) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(item.id));
    }
  const names = [...owners.keys()].sort((a, b) => b.length - a.length);
  const isWord = (ch: string | undefined) => ch !== undefined && /[\w-]/.test(ch);
  const current = new Map(items.flatMap((i) => (i.current ? [[i.id, i.current.toLowerCase()] as const] : [])));

  const judge = (id: string, wrote: string, found: NameMismatch[], before: string) => {
    const ids = owners.get(wrote.toLowerCase());
    if (!ids || ids.size !== 1) return;
    if (ids.has(id)) {
      const now = current.get(id);
      if (now !== undefined && now !== wrote.toLowerCase() && !FORMER_MARK.test(before))
        found.push({ id, wrote, belongsTo: id, former: true });
      return;
    }
    const [belongsTo] = [...ids];
    if (belongsTo && !isParentOf(belongsTo, id) && !isParentOf(id, belongsTo)) found.push({ id, wrote, belongsTo });
  };

  return (text: string) => {
    const found: NameMismatch[] = [];
    const lower = text.toLowerCase();
    for (const match of text.matchAll(BEFORE)) {
      const end = (match.index ?? 0) - (text[(match.index ?? 0) - 1] === ' ' ? 1 : 0);
      const name = names.find((n) => lower.endsWith(n, end) && !isWord(lower[end - n.length - 1]));
      if (name) judge(match[1] ?? '', text.slice(end - name.length, end), found, text.slice(0, end - name.length));
    }
    for (const match of text.matchAll(AFTER)) {
      const start = (match.index ?? 0) + match[0].length;
      const name = names.find((n) => lower.startsWith(n, start) && !isWord(lower[start + n.length]));
      if (name) judge(match[1] ?? '', text.slice(start, start + name.length), found, text.slice(0, match.index ?? 0));
    }
    return found;
  };
}

/** A technique and its own sub-techniques share a name prefix ("LLM Prompt Injection: Direct"). */
function isParentOf(parent: string, child: string): boolean {
  return child.startsWith(`${parent}.`);
}
