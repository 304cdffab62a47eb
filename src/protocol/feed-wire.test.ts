import { describe, expect, it } from 'vitest';
import { asTypedArray } from './feed-wire';

describe('asTypedArray', () => {
  it('reads the [0, ArrayBuffer] ext tuple the browser msgpack decoder gives for a typed array', () => {
    const sent = Float32Array.from([1.5, -2, 3]);
    const revived = asTypedArray([0, sent.buffer.slice(0)] as [number, ArrayBuffer], Float32Array);
    expect([...revived]).toEqual([1.5, -2, 3]);
  });
  it('reads a Buffer view at an offset (node) and a bare ArrayBuffer', () => {
    const bytes = new Uint8Array([9, 9, 1, 0, 0, 0, 2, 0, 0, 0]);
    expect([...asTypedArray(new Uint8Array(bytes.buffer, 2, 8), Uint32Array)]).toEqual([1, 2]);
    expect([...asTypedArray(Uint32Array.from([7]).buffer, Uint32Array)]).toEqual([7]);
  });
});
