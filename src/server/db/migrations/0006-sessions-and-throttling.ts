/**
 * Sessions get a public id (to list and end them by), when they were last used (the idle
 * timeout), the device they were started on, and when the person or an admin ended them.
 * An ended session is kept until it would have expired, so the device presenting it learns
 * at its next contact that it must remove the organisation's data.
 *
 * Sign-in throttling moves from a log of failures, counted after the password was checked,
 * to counters that each attempt reserves before it is checked.
 */
export default /* sql */ `
alter table sessions
  add column id uuid not null default gen_random_uuid(),
  add column last_used_at timestamptz not null default now(),
  add column device_label text not null default 'Unknown device',
  add column device_first_seen_at timestamptz not null default now(),
  add column ended_at timestamptz;
update sessions set device_first_seen_at = created_at;
create unique index sessions_id on sessions(id);
create index sessions_expiry on sessions(expires_at);

drop table sign_in_failures;

-- One counter per scope and key: an email at an address, an address, an email. Keys are
-- hashes, so the table never holds what someone typed into the email field.
create table sign_in_attempts (
  scope text not null,
  key text not null,
  attempts integer not null,
  window_started_at timestamptz not null,
  last_attempt_at timestamptz not null,
  primary key (scope, key)
);
create index sign_in_attempts_window on sign_in_attempts(window_started_at);
`
