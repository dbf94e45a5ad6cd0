/**
 * Plan admins edit the plan in the app (src/shared/changes/kinds/record-*.ts). Archiving
 * takes a record out of the plan's lists and keeps it, with its updates and evidence.
 * `field_edits` holds, for each field an edit has set, when that edit was made and its
 * mutation id: two admins' edits of one record meet field by field under the status rule.
 * The server keeps it to itself.
 */
export default /* sql */ `
alter table themes add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table actions add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table milestones add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table measures add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table risks add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table recommendations add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table outcomes add column archived_at timestamptz, add column field_edits jsonb not null default '{}';
alter table plans add column field_edits jsonb not null default '{}';
`
