import { hasHiddenCharacters } from '@/lib/schemas/text';

/** A status change's or sign-off's comment: what the database accepts (1 to 2,000 characters). */
export const COMMENT_MAX = 2_000;

export type CommentProblem = 'comment-empty' | 'comment-too-long' | 'comment-hidden-characters';

/**
 * The comment trimmed of spaces and line breaks around it, or why it is refused (never
 * cleaned: hidden control or direction characters are refused; line breaks inside are kept).
 */
export function checkComment(text: string): { ok: true; comment: string } | { ok: false; problem: CommentProblem } {
  const comment = text.replace(/\r\n/g, '\n').trim();
  if (comment.length === 0) return { ok: false, problem: 'comment-empty' };
  if (hasHiddenCharacters(comment.replace(/\n/g, ''))) return { ok: false, problem: 'comment-hidden-characters' };
  if ([...comment].length > COMMENT_MAX) return { ok: false, problem: 'comment-too-long' };
  return { ok: true, comment };
}
