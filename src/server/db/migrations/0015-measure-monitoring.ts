/**
 * Measures are monitored in the app: an owner who records their figures (besides plan
 * admins), and the tolerance within which a figure short of its target is amber, not red
 * (src/shared/monitoring/measure-standing.ts). Ten per cent until an admin sets it.
 */
export default /* sql */ `
alter table measures
  add column owner_person_id uuid references people(id),
  add column tolerance_percent double precision not null default 10
    check (tolerance_percent >= 0 and tolerance_percent <= 100);
`
