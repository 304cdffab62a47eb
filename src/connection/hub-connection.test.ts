import { describe, expect, it } from 'vitest';
import { pickRoom } from './hub-connection';

describe('pickRoom', () => {
  it('takes a slug and falls back to the main hall otherwise', () => {
    expect(pickRoom('hall-a')).toBe('hall-a');
    expect(pickRoom(null)).toBe('main');
    expect(pickRoom('../x')).toBe('main');
    expect(pickRoom('A')).toBe('main');
  });
});
