/**
 * What of a server error a client may read: its message with every absolute file path cut to the
 * file's name, so no reply tells a visitor where the server keeps its files (the log keeps the whole error).
 */

/** An absolute POSIX path of two segments or more, not part of a URL (after `:`, `/` or a word character). */
const ABSOLUTE_PATH = /(?<![\w.:/~-])\/(?:[^\s/'"`,;()[\]{}<>]+\/)+([^\s/'"`,;()[\]{}<>]*)/g;

/** A message for a client: the error's message without absolute paths (each replaced by its last segment). */
export function publicMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(ABSOLUTE_PATH, (_path, name: string) => name || '…');
}
