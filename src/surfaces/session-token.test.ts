import { describe, expect, it } from 'vitest';
import { forgetSessionToken, keepSessionToken, takeSessionToken, type AddressBar, type TokenStorage } from './session-token';

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function addressBar(href: string): AddressBar & { replaced: string[] } {
  const bar = {
    href,
    replaced: [] as string[],
    replace(url: string) {
      bar.replaced.push(url);
      bar.href = new URL(url, bar.href).href;
    },
  };
  return bar;
}

describe('takeSessionToken', () => {
  it('reads the token from the address, keeps it and takes it out of the address, leaving the rest', () => {
    const storage = memoryStorage();
    const address = addressBar('http://hall.local/?room=hall-2&operator=secret-token&lang=en#top');
    expect(takeSessionToken('operator', storage, address)).toBe('secret-token');
    expect(address.replaced).toEqual(['/?room=hall-2&lang=en#top']);
    expect(address.href).not.toContain('secret');
    // A reload: the address has no token any more, the tab still has it.
    expect(takeSessionToken('operator', storage, addressBar(address.href))).toBe('secret-token');
  });

  it('leaves an address without a token as it is, and answers null when the tab has none', () => {
    const address = addressBar('http://hall.local/planner?room=main');
    expect(takeSessionToken('token', memoryStorage(), address)).toBeNull();
    expect(address.replaced).toEqual([]);
  });

  it('takes a newer token over a kept one; an empty one forgets it', () => {
    const storage = memoryStorage();
    keepSessionToken('operator', 'old-token', storage);
    expect(takeSessionToken('operator', storage, addressBar('http://hall.local/?operator=new-token'))).toBe('new-token');
    expect(takeSessionToken('operator', storage, addressBar('http://hall.local/?operator='))).toBeNull();
    expect(takeSessionToken('operator', storage, addressBar('http://hall.local/'))).toBeNull();
  });

  it('keeps each name apart and forgets a refused one', () => {
    const storage = memoryStorage();
    keepSessionToken('token', 'planner-token', storage);
    expect(takeSessionToken('operator', storage, addressBar('http://hall.local/'))).toBeNull();
    forgetSessionToken('token', storage);
    expect(takeSessionToken('token', storage, addressBar('http://hall.local/planner'))).toBeNull();
  });
});
