/**
 * The annual refresh: each plan record made by starting next year's version names the
 * record of the earlier version it was carried over from, so the old version keeps
 * everything and "What changed" pairs the two.
 */
export default /* sql */ `
alter table plans add column carried_from_id uuid references plans(id);
alter table themes add column carried_from_id uuid references themes(id);
alter table actions add column carried_from_id uuid references actions(id);
alter table milestones add column carried_from_id uuid references milestones(id);
alter table measures add column carried_from_id uuid references measures(id);
alter table risks add column carried_from_id uuid references risks(id);
alter table recommendations add column carried_from_id uuid references recommendations(id);
alter table sections add column carried_from_id uuid references sections(id);
create index plans_carried_from on plans(carried_from_id);
`
