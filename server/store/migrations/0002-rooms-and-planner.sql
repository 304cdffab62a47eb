-- Each room's clock, checkpointed on every change and about every second while it plays: a room
-- reopens at the instant it had reached, with its rate and play state. A row only moves forward
-- (revision, then server time), so a late checkpoint never undoes a newer one.
create table room_clocks (
  room text primary key,
  sim_time_ms bigint not null,
  rate double precision not null,
  playing boolean not null,
  revision integer not null,
  server_time_ms bigint not null,
  saved_at timestamptz not null default now()
);

-- The planner's saved scenarios: the Scenario document of src/protocol/scenario.ts as it was saved.
create table planner_scenarios (
  id text primary key,
  scenario jsonb not null,
  saved_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Each saved scenario's last result (ScenarioResultWire of src/protocol/planner-wire.ts).
create table planner_results (
  scenario_id text primary key references planner_scenarios (id) on delete cascade,
  result jsonb not null,
  finished_at bigint not null,
  saved_at timestamptz not null default now()
);
create index planner_results_finished on planner_results (finished_at desc);
