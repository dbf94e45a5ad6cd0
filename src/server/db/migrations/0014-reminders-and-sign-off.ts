/**
 * Reminders a plan admin sends a person about what they have outstanding, and sign-off:
 * a plan may require complete work to be signed off by its lead or a plan admin, and
 * actions and milestones keep who signed them off and when (src/shared/sign-off.ts).
 */
export default /* sql */ `
create table reminders (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  person_id uuid not null references people(id),
  sent_by uuid not null references people(id),
  sent_at timestamptz not null,
  message text,
  action_ids uuid[] not null default '{}',
  milestone_ids uuid[] not null default '{}',
  dismissed_at timestamptz
);
create index reminders_pull on reminders(org_id, version);

alter table plans add column sign_off_required boolean not null default false;
alter table actions
  add column signed_off_by uuid references people(id),
  add column signed_off_at timestamptz;
alter table milestones
  add column signed_off_by uuid references people(id),
  add column signed_off_at timestamptz;
`
