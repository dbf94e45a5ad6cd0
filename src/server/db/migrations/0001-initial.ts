/**
 * The domain from the brief. Every synced table carries `org_id` (the scope of a
 * pull) and `version`, taken from `organisations.change_seq` in the writing
 * transaction; see `nextVersions` in ../versions.ts for why that ordering is safe.
 */
export default /* sql */ `
create table organisations (
  id uuid primary key,
  org_id uuid generated always as (id) stored,
  version bigint not null,
  change_seq bigint not null default 0,
  name text not null,
  short_name text not null,
  vision text not null,
  how_we_work jsonb not null default '[]'
);

create table org_values (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  name text not null,
  meaning text not null,
  behaviours jsonb not null default '[]',
  position int not null
);

create table areas (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  name text not null,
  kind text not null check (kind in ('organisation', 'borough', 'division', 'locality')),
  position int not null
);

create table teams (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  area_id uuid not null references areas(id),
  name text not null,
  service text not null
);

create table people (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  name text not null,
  job_title text not null,
  role text not null check (role in ('practitioner', 'manager', 'admin', 'viewer')),
  team_ids jsonb not null default '[]',
  manages_team_ids jsonb not null default '[]'
);

-- Sign-in details are kept apart from people so that no pull can ever carry them.
create table accounts (
  person_id uuid primary key references people(id),
  email text not null unique,
  password_hash text not null,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  person_id uuid not null references people(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_person on sessions(person_id);

create table sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index sign_in_failures_email on sign_in_failures(email, at);
create index sign_in_failures_ip on sign_in_failures(ip, at);

create table plans (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  title text not null,
  subtitle text,
  kind text not null check (kind in ('business-plan', 'improvement-plan', 'service-plan')),
  period_start date not null,
  period_end date not null,
  version_label text not null,
  status text not null check (status in ('draft', 'approved', 'archived')),
  review_date date,
  approvals jsonb not null default '[]',
  parent_plan_id uuid references plans(id),
  source text not null
);

create table themes (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  title text not null,
  outcome text not null,
  rationale text not null,
  owner_role text,
  position int not null
);

create table actions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  theme_id uuid not null references themes(id),
  code text not null,
  area_ids jsonb not null,
  lead_team_id uuid references teams(id),
  description text not null,
  lead_role text not null,
  lead_person_id uuid references people(id),
  success_measure text,
  success_measure_by date,
  year_milestone text,
  year_milestone_by date,
  baseline text,
  impact text,
  risks text,
  monitoring text,
  external_refs jsonb not null default '[]',
  due_date date,
  status text not null default 'not-started'
    check (status in ('not-started', 'on-track', 'at-risk', 'off-track', 'complete')),
  position int not null,
  unique (plan_id, code)
);

create table milestones (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  action_id uuid not null references actions(id),
  title text not null,
  due_date date,
  owner_person_id uuid references people(id),
  status text not null default 'not-started'
    check (status in ('not-started', 'on-track', 'at-risk', 'off-track', 'complete')),
  position int not null
);

create table measures (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  title text not null,
  unit text not null,
  direction text not null check (direction in ('higher-is-better', 'lower-is-better')),
  baseline jsonb,
  targets jsonb not null default '[]',
  actuals jsonb not null default '[]',
  source text not null,
  theme_ids jsonb not null default '[]',
  action_ids jsonb not null default '[]'
);

create table risks (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  description text not null,
  likelihood int not null check (likelihood between 1 and 5),
  impact int not null check (impact between 1 and 5),
  mitigation text not null,
  owner_role text,
  action_ids jsonb not null default '[]'
);

create table assignments (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  action_id uuid references actions(id),
  milestone_id uuid references milestones(id),
  person_id uuid references people(id),
  team_id uuid references teams(id),
  assigned_by uuid not null references people(id),
  assigned_at timestamptz not null default now(),
  check ((action_id is null) <> (milestone_id is null)),
  check ((person_id is null) <> (team_id is null))
);

-- A deleted record leaves a tombstone so that devices holding it learn to drop it.
create table tombstones (
  org_id uuid not null references organisations(id),
  entity_type text not null,
  entity_id uuid not null,
  version bigint not null,
  primary key (org_id, entity_type, entity_id)
);

create index org_values_pull on org_values(org_id, version);
create index areas_pull on areas(org_id, version);
create index teams_pull on teams(org_id, version);
create index people_pull on people(org_id, version);
create index plans_pull on plans(org_id, version);
create index themes_pull on themes(org_id, version);
create index actions_pull on actions(org_id, version);
create index milestones_pull on milestones(org_id, version);
create index measures_pull on measures(org_id, version);
create index risks_pull on risks(org_id, version);
create index assignments_pull on assignments(org_id, version);
create index tombstones_pull on tombstones(org_id, version);
create index milestones_action on milestones(action_id);
`
