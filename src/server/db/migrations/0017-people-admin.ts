/**
 * People a plan admin adds in the app. A new person has no password until they set one
 * with a one-time code, so an account may have none. Codes are kept as hashes, one at a
 * time per person, and go when used or replaced. A deactivated person is recorded apart
 * from `people`, which devices pull, so whether someone left never reaches a device.
 */
export default /* sql */ `
alter table accounts alter column password_hash drop not null;

create table password_codes (
  person_id uuid primary key references people(id),
  code_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);

create table person_deactivations (
  person_id uuid primary key references people(id),
  deactivated_by uuid references people(id),
  deactivated_at timestamptz not null default now()
);
`
