/** Every live entity's latest state in the database (migrations/0001-live-state.sql), in its FIWARE key-value shape. */
import type { Entity } from '../../src/protocol/entities.js';
import type { Queryable } from './database.js';

/** How many entities are stored, and how many of `ids` are not yet. */
export async function entityCounts(tx: Queryable, ids: readonly string[]): Promise<{ stored: number; added: number }> {
  const [row] = await tx.query<{ stored: number; added: number }>(
    `select (select count(*) from live_entities)::bigint as stored,
            (select count(distinct n.id) from jsonb_array_elements_text($1::jsonb) as n(id) where not exists (select 1 from live_entities e where e.id = n.id))::bigint as added`,
    [JSON.stringify(ids)],
  );
  return { stored: row?.stored ?? 0, added: row?.added ?? 0 };
}

/** Stores the entities' latest states (the last of each id wins) in one statement. */
export async function upsertEntities(tx: Queryable, entities: readonly Entity[], nowMs: number): Promise<void> {
  const latest = [...new Map(entities.map((entity) => [entity.id, entity])).values()];
  if (latest.length === 0) return;
  await tx.query(
    `insert into live_entities (id, type, document, updated_at)
     select e.document->>'id', e.document->>'type', e.document, $2 from jsonb_to_recordset($1::jsonb) as e(document jsonb)
     on conflict (id) do update set type = excluded.type, document = excluded.document, updated_at = excluded.updated_at`,
    [JSON.stringify(latest.map((document) => ({ document }))), nowMs],
  );
}

/** Every stored entity, oldest change first (so the newest wins when they are applied in order). */
export async function storedEntities(db: Queryable): Promise<Entity[]> {
  return (await db.query<{ document: Entity }>('select document from live_entities order by updated_at, id')).map((row) => row.document);
}
