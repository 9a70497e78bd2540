/**
 * Why JSON.parse refused a text, without quoting the text: its messages
 * echo the bytes around the error ("Unexpected token '\x89', "\x89PNG..."),
 * which for a binary or hostile file is noise or terminal control codes.
 */
export function describeJsonError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/end of (JSON )?input|Unterminated/i.test(message)) return 'it ends too early';
  const line = /\(line (\d+) column (\d+)\)/.exec(message);
  if (line) return `unexpected text at line ${line[1]}, column ${line[2]}`;
  const position = /at position (\d+)/.exec(message);
  if (position) return `unexpected text at character ${Number(position[1]) + 1}`;
  return 'unexpected text';
}
