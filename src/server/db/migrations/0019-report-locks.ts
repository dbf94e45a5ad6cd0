/**
 * A plan's quarter locked by a plan admin: the quarterly report as it stood then, kept whole,
 * so an issued report does not change silently with later edits. Synced, so devices show it.
 */
export default /* sql */ `
create table report_locks (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  quarter text not null,
  report jsonb not null,
  locked_by uuid not null references people(id),
  locked_at timestamptz not null,
  unique (plan_id, quarter)
);
create index report_locks_pull on report_locks(org_id, version);
`
