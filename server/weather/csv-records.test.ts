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
    expect(all('a,b\n1,2')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(all('a\n\n\nb\n')).toEqual([{ line: 1, fields: ['a'] }, { line: 4, fields: ['b'] }]);
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
