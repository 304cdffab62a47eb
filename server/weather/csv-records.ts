/**
 * A minimal RFC 4180 CSV reader. No CSV library is installed, and the files we take (one header
 * row, numbers, a few codes) need little: comma-separated fields, optional double quotes with ""
 * as an escaped quote (a quoted field may hold commas and line breaks), CRLF or LF line ends.
 * Each record keeps the line it starts on, so errors can name it.
 */

/** One CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Thrown for input that is not well-formed CSV, or a row the importer cannot use. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Splits CSV text into records; blank lines are skipped, an unclosed quote is an error. */
export function* csvRecords(text: string): Generator<CsvRecord> {
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte-order mark is not data
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let ended = false;
    for (; i < text.length && !ended; i++) {
      const c = text[i]!;
      if (inQuotes) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') inQuotes = false;
        else {
          if (c === '\n') line++;
          field += c;
        }
      } else if (c === '"' && field.length === 0 && !quoted) {
        inQuotes = true;
        quoted = true;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        quoted = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        line++;
        ended = true;
      } else if (quoted) {
        throw new CsvError(line, `unexpected '${c}' after a closing quote`);
      } else field += c;
    }
    if (inQuotes) throw new CsvError(start, 'a quoted field is not closed before the end of the file');
    fields.push(field);
    if (fields.length === 1 && fields[0] === '' && !quoted) continue; // a blank line
    yield { line: start, fields };
  }
}
