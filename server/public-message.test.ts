import { describe, expect, it } from 'vitest';
import { publicMessage } from './public-message';

describe('publicMessage', () => {
  it('cuts absolute paths to their file name and keeps the rest of the message', () => {
    expect(publicMessage(new Error("ENOENT: no such file or directory, open '/srv/sandtable/tiles/recordings/x/scenarios/a.json'"))).toBe("ENOENT: no such file or directory, open 'a.json'");
    expect(publicMessage(new Error('sumo exited with 1: Error: cannot read /tmp/what-if-1/net.net.xml (is SUMO installed?)'))).toBe(
      'sumo exited with 1: Error: cannot read net.net.xml (is SUMO installed?)',
    );
    expect(publicMessage('cannot list /var/lib/sandtable/')).toBe('cannot list …');
  });

  it('leaves URLs, ratios and plain words alone', () => {
    for (const text of ['see https://example.org/a/b for more', 'edges 0…12, 3/4 done', 'use POST', 'no Open311 resource']) expect(publicMessage(text)).toBe(text);
  });
});
