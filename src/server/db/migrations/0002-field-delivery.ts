/** Progress updates, evidence and its attachments, the audit trail, and once-only mutations. */
export default /* sql */ `
alter table actions
  add column status_set_at timestamptz,
  add column status_set_by uuid references people(id),
  add column status_mutation_id uuid;
alter table milestones
  add column status_set_at timestamptz,
  add column status_set_by uuid references people(id),
  add column status_mutation_id uuid;

create table progress_updates (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  action_id uuid not null references actions(id),
  period text not null,
  rag text not null check (rag in ('green', 'amber', 'red')),
  commentary text not null,
  author_id uuid not null references people(id),
  made_at timestamptz not null,
  received_at timestamptz not null default now()
);

create table evidence (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  action_id uuid not null references actions(id),
  milestone_id uuid references milestones(id),
  note text not null,
  author_id uuid not null references people(id),
  made_at timestamptz not null,
  received_at timestamptz not null default now()
);

-- An attachment exists from its first uploaded byte; it is published (given a version,
-- so pulls carry it) only when the evidence that uses it arrives.
create table attachments (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint,
  evidence_id uuid references evidence(id),
  name text not null,
  media_type text not null,
  size bigint not null,
  received_bytes bigint not null default 0,
  uploaded_by uuid not null references people(id),
  upload_started_at timestamptz not null default now()
);

create table history (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  action_id uuid references actions(id),
  entity_type text not null,
  entity_id uuid not null,
  change text not null,
  details jsonb not null default '{}',
  person_id uuid not null references people(id),
  device_id text not null,
  mutation_id uuid not null,
  made_at timestamptz not null,
  received_at timestamptz not null default now(),
  outcome text not null check (outcome in ('applied', 'superseded'))
);

-- Written in the same transaction as the change it records: a mutation id found here
-- has been applied, and a repeat delivery is answered from this row.
create table applied_mutations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  person_id uuid not null references people(id),
  outcome text not null,
  reason text,
  received_at timestamptz not null default now()
);

create index progress_updates_pull on progress_updates(org_id, version);
create index evidence_pull on evidence(org_id, version);
create index attachments_pull on attachments(org_id, version);
create index history_pull on history(org_id, version);
create index progress_updates_action on progress_updates(action_id);
create index evidence_action on evidence(action_id);
create index history_action on history(action_id);
create index assignments_action on assignments(action_id);
create index assignments_milestone on assignments(milestone_id);
`
