/**
 * Turns schema errors into lines that name the file and the field, e.g.
 * `content/lessons/beginner/x.mdx: field "titel" is not allowed (a typo of another field?)`.
 */
import type { ZodError } from 'zod';

export function formatIssues(file: string, error: ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the file';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = [...issue.path, key].join('.');
        return `${file}: field "${field}" is not allowed (a typo of another field?)`;
      });
    }
    return [`${file}: ${at}: ${issue.message}`];
  });
}
