/**
 * A LIKE/ILIKE pattern matching values that contain `text` literally: its own %, _ and \ are
 * escaped with a backslash, which is Postgres's default LIKE escape (no ESCAPE clause needed).
 */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
