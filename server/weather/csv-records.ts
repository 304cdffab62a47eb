/**
 * CSV text → records, read by csv-parse (RFC 4180: comma-separated fields, optional double quotes
 * with "" as an escaped quote, a quoted field may hold commas and line breaks, CRLF, LF or CR line
 * ends, a byte-order mark ignored). Blank lines are skipped here, not by the parser, so that each
 * record keeps the line it starts on without csv-parse's per-record info (which doubles its cost);
 * csv-parse's errors become CsvErrors naming the line of the record at fault.
 */
import { CsvError as ParseError, parse, type Options } from 'csv-parse/sync';

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

/** Blank lines come through as one empty field, so every line of the file is counted. */
const OPTIONS: Options = { bom: true, relax_column_count: true };
const LINE_BREAK = /\r\n|\r|\n/g;

/** Splits CSV text into records; blank lines are skipped, an unclosed quote is an error. */
export function csvRecords(text: string): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(text, OPTIONS);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw asCsvError(error, text);
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const fields of rows) {
    const start = line;
    line += 1 + lineBreaksIn(fields);
    if (fields.length === 1 && fields[0] === '') continue; // a blank line
    records.push({ line: start, fields });
  }
  return records;
}

/** Line breaks inside a record's (quoted) fields; CRLF is one. */
function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) if (field.includes('\n') || field.includes('\r')) breaks += field.match(LINE_BREAK)!.length;
  return breaks;
}

/** Words for csv-parse's errors, at the line where the record at fault starts. */
function asCsvError(error: ParseError, text: string): CsvError {
  // The records before the fault parse cleanly; their lines say where the faulty one starts.
  const complete = Number(error.records);
  const before = complete > 0 ? parse(text, { ...OPTIONS, to: complete }) : [];
  const line = before.reduce((sum, fields) => sum + 1 + lineBreaksIn(fields), 1);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvError(line, 'a quoted field is not closed before the end of the file');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvError(line, `unexpected '${/got "(.*?)"/.exec(error.message)?.[1] ?? ''}' after a closing quote`);
    case 'INVALID_OPENING_QUOTE':
      return new CsvError(line, `a quote inside an unquoted field (field ${Number(error.index) + 1}); quote the whole field and double the quotes inside it`);
    default:
      return new CsvError(line, error.message.replace(/ at line \d+/, ''));
  }
}
