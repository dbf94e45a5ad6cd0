/**
 * Answers and participation that nothing pairs (see ARCHITECTURE.md, "Surveys and
 * anonymity"). 0003 wrote one response row and one participation row per answer, in one
 * transaction and in the same order, so their xmin and their places on disk paired them.
 * Now answers are kept in a bucket per survey, team and area, a JSON array in random
 * order; participation in sorted arrays of person ids, 16 per survey (by the first hex
 * digit of the id); and closed_surveys marks a survey closed for good. Existing rows are
 * moved over, shuffled, and the old tables dropped.
 */
export default /* sql */ `
create table survey_answer_buckets (
  survey_id uuid not null references surveys(id),
  team_id uuid references teams(id),
  area_id uuid references areas(id),
  answers jsonb not null,
  unique nulls not distinct (survey_id, team_id, area_id)
);

create table survey_participants (
  survey_id uuid not null references surveys(id),
  shard smallint not null,
  person_ids uuid[] not null,
  primary key (survey_id, shard)
);

create table closed_surveys (
  survey_id uuid primary key references surveys(id)
);

insert into survey_answer_buckets (survey_id, team_id, area_id, answers)
select survey_id, team_id, area_id, jsonb_agg(answers order by random()) from survey_responses group by survey_id, team_id, area_id;

insert into survey_participants (survey_id, shard, person_ids)
select survey_id, get_byte(uuid_send(person_id), 0) >> 4, array_agg(person_id order by person_id) from survey_participation group by 1, 2;

drop table survey_responses;
drop table survey_participation;
`
