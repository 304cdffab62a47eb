-- What arrives live: citizens' Open311 requests with their history, and every live entity's latest state.

-- One row per Open311 request posted or ingested: its document in the wire shape (a ServiceRequest
-- entity of src/protocol/entities.ts), with the columns GET requests.json filters and pages on.
create table service_requests (
  service_request_id text primary key,
  document jsonb not null,
  status text not null,
  service_code text not null,
  -- requested_datetime, ms since the epoch
  requested_at bigint not null,
  -- when this server last took a change of it (real time, ms since the epoch)
  updated_at bigint not null
);
create index service_requests_requested on service_requests (requested_at desc, service_request_id);
create index service_requests_live on service_requests (status, updated_at desc);

-- One row per state change of a request: created (the whole document), then each change an agency
-- sent (the fields that changed, with their new values).
create table service_request_history (
  seq bigint generated always as identity primary key,
  service_request_id text not null references service_requests (service_request_id),
  at_ms bigint not null,
  change text not null check (change in ('created', 'updated')),
  via text not null check (via in ('open311', 'ingest', 'mqtt')),
  fields jsonb not null
);
create index service_request_history_request on service_request_history (service_request_id, seq);

-- The latest state of every live entity other than a service request (POST /ingest, MQTT).
create table live_entities (
  id text primary key,
  type text not null,
  document jsonb not null,
  updated_at bigint not null
);
