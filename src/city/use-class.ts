/** A building's use class read from untrusted tile properties (engine-free; the scene's picker and the palette share it). */
import { USE_CLASSES, type UseClass } from '../protocol/city-pack';

/** Narrows an untrusted string to a use class. */
export function toUseClass(value: unknown): UseClass {
  return typeof value === 'string' && (USE_CLASSES as readonly string[]).includes(value) ? (value as UseClass) : 'other';
}
