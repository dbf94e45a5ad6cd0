/**
 * The risk register in the app: a risk's residual rating (after its mitigations) beside
 * the inherent one, its review date, the person who rates it, and every rating made in
 * the app, one per quarter, so the register shows movement since the last quarter.
 */
export default /* sql */ `
alter table risks
  add column owner_person_id uuid references people(id),
  add column residual_likelihood integer check (residual_likelihood between 1 and 5),
  add column residual_impact integer check (residual_impact between 1 and 5),
  add column review_date date,
  add column assessments jsonb not null default '[]';
`
