/** Validates what a live station sends: one entity or an array of them, in the feed's schemas. */
import { z } from 'zod';
import { entitySchema, type Entity } from '../../src/protocol/entities.js';

/** Most entities one message may carry. */
export const MAX_ENTITIES_PER_MESSAGE = 1000;

/** Result: every entity valid, or the reasons, each naming the entity's index. */
export type IngestParse = { ok: true; entities: Entity[] } | { ok: false; errors: string[] };

/** Parses a JSON text; all-or-nothing, so a bad batch loses nothing silently. */
export function parseIngest(text: string): IngestParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['the body is not JSON'] };
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return { ok: false, errors: ['no entities'] };
  if (items.length > MAX_ENTITIES_PER_MESSAGE) return { ok: false, errors: [`at most ${MAX_ENTITIES_PER_MESSAGE} entities per message`] };
  const errors: string[] = [];
  const entities: Entity[] = [];
  items.forEach((item, i) => {
    const parsed = entitySchema.safeParse(item);
    if (parsed.success) entities.push(parsed.data);
    else errors.push(`entity ${i}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, entities };
}
