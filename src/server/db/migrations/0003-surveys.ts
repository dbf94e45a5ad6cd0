/**
 * Surveys and their responses. A response carries no person, device or time: only the
 * survey, the answers, and the team and area the survey reports on. Who has answered
 * is kept apart, in survey_participation, only to stop a second response; nothing
 * joins the two.
 */
export default /* sql */ `
create table surveys (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  title text not null,
  introduction text not null,
  questions jsonb not null,
  audience jsonb not null,
  opens_on date not null,
  closes_on date not null,
  minimum_group int not null check (minimum_group >= 5),
  measure_links jsonb not null default '[]',
  previous_survey_id uuid references surveys(id),
  created_by uuid not null references people(id)
);
create index surveys_pull on surveys(org_id, version);

create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys(id),
  team_id uuid references teams(id),
  area_id uuid references areas(id),
  answers jsonb not null
);
create index survey_responses_survey on survey_responses(survey_id);

create table survey_participation (
  survey_id uuid not null references surveys(id),
  person_id uuid not null references people(id),
  primary key (survey_id, person_id)
);
`
