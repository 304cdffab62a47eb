import { describe, expect, it } from 'vitest';
import { BadEncodingError, hasValidPercentEncoding, parseForm } from './percent-encoding';

describe('percent-encoding', () => {
  it('accepts well-formed UTF-8 sequences and plain text, refuses truncated or invalid ones', () => {
    expect(hasValidPercentEncoding('/open311/v2/requests/%E8%B7%AF.json')).toBe(true);
    expect(hasValidPercentEncoding('status=open&service_code=UM-ROAD')).toBe(true);
    expect(hasValidPercentEncoding('/open311/v2/requests/%E0%A4%A.json')).toBe(false);
    expect(hasValidPercentEncoding('description=100%')).toBe(false);
    expect(hasValidPercentEncoding('name=%FF')).toBe(false);
  });

  it('parses a form with the last value of a name winning, and refuses a malformed one with a 400', () => {
    expect(parseForm('service_code=UM-LIGHT&description=%E7%81%AF+%E4%B8%8D%E4%BA%AE&lat=1&lat=2')).toEqual({ service_code: 'UM-LIGHT', description: '灯 不亮', lat: '2' });
    expect(() => parseForm('description=%E0%A4%A')).toThrow(BadEncodingError);
    expect(() => parseForm('description=%E0%A4%A')).toThrow(expect.objectContaining({ statusCode: 400 }));
  });
});
