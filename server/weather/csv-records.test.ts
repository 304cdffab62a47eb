import { describe, expect, it } from 'vitest';
import { csvRecords, CsvError } from './csv-records.js';

const all = (text: string) => [...csvRecords(text)];

describe('CSV records (RFC 4180 subset)', () => {
  it('splits plain rows with CRLF or LF ends and numbers their lines', () => {
    expect(all('a,b\r\n1,2\r\n3,\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', ''] },
    ]);
    expect(all('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(all('a\n\n\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(all('"x, y","say ""hi""","two\nlines"\nnext,row')).toEqual([
      { line: 1, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', 'row'] },
    ]);
  });

  it('ignores a byte-order mark', () => {
    expect(all('\ufeffNo,year\n1,2010')[0]!.fields).toEqual(['No', 'year']);
  });

  it('names the line of an unclosed quote or text after a closing quote', () => {
    expect(() => all('a,b\n1,"open\n2,3\n')).toThrow(new CsvError(2, 'a quoted field is not closed before the end of the file'));
    expect(() => all('a,b\n"x"y,1\n')).toThrow(/^line 2: unexpected 'y' after a closing quote/);
  });
});

describe('CSV records: line numbers that csv-parse leaves to us', () => {
  it('keeps later lines true after a quoted field with CRLF breaks', () => {
    expect(all('a,b\r\n"two\r\nlines",1\r\n"three\r\nmore\r\nlines",2\r\n\r\n3,4\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['two\r\nlines', '1'] },
      { line: 4, fields: ['three\r\nmore\r\nlines', '2'] },
      { line: 8, fields: ['3', '4'] },
    ]);
  });

  it('names the start line of an unclosed quote after blank lines, and the line of a stray quote', () => {
    expect(() => all('a,b\n\n\n1,"open\n2,3\n')).toThrow(new CsvError(4, 'a quoted field is not closed before the end of the file'));
    expect(() => all('a,b\n1,2\nx"y,1\n')).toThrow(/^line 3: a quote inside an unquoted field \(field 1\)/);
    expect(() => all('a,b\r\n"x\r\ny",1\r\n"x"y,1\r\n')).toThrow(/^line 4: unexpected 'y' after a closing quote/);
  });

  it('reads CR-only line ends', () => {
    expect(all('a\rb\r"c\rd"\re')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c\rd'] },
      { line: 5, fields: ['e'] },
    ]);
  });
});
