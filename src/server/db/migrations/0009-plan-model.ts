/**
 * A model every real plan fits (see ARCHITECTURE.md, "Plans"): several plans of different
 * kinds per organisation with document control, succession and what they serve;
 * outcomes, external recommendations and narrative sections; several leads per theme,
 * action and milestone; deadlines as written. Existing records are carried over: a
 * single lead or owner becomes a list of one, an approval a version line.
 *
 * `import_key` is the key a record has in its plan document, so importing the document
 * again finds the record it made (unique per plan, or per organisation for outcomes
 * and areas). Devices never receive it. `plan_imports` keeps every document imported,
 * with what it created and changed: the history of a plan's imports.
 */
export default /* sql */ `
alter table plans
  add column import_key text,
  add column period_text text,
  add column vision text,
  add column document_control jsonb not null default '{"versions": [], "notes": [], "boards": []}',
  add column succeeds_plan_id uuid references plans(id),
  add column serves_plan_ids jsonb not null default '[]',
  add column serves_outcome_ids jsonb not null default '[]',
  add column source_note text,
  alter column period_start drop not null,
  alter column period_end drop not null,
  drop constraint plans_kind_check,
  add constraint plans_kind_check check (kind in ('business-plan', 'improvement-plan', 'framework', 'service-plan')),
  drop constraint plans_status_check,
  add constraint plans_status_check check (status in ('draft', 'approved', 'superseded', 'archived')),
  add unique (org_id, import_key);
update plans set document_control = jsonb_build_object(
  'versions', (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
      'version', plans.version_label, 'date', a->>'on', 'approvedBy', a->>'by', 'note', a->>'note'))), '[]')
    from jsonb_array_elements(approvals) a),
  'notes', '[]'::jsonb, 'boards', '[]'::jsonb)
  || case when review_date is null then '{}'::jsonb else jsonb_build_object('reviewDate', review_date) end;
alter table plans drop column approvals, drop column review_date, drop column parent_plan_id;

alter table areas add column import_key text, add unique (org_id, import_key);

create table outcomes (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  import_key text,
  code text,
  title text not null,
  description text,
  owner text,
  source text,
  source_note text,
  position int not null,
  unique (org_id, import_key)
);

create table recommendations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  import_key text,
  source_kind text not null check (source_kind in ('ofsted-inspection', 'safeguarding-board', 'peer-review', 'other')),
  source_title text not null,
  source_date date,
  number text not null,
  text text,
  owner text,
  source text,
  source_note text,
  position int not null,
  unique (plan_id, import_key)
);

create table sections (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  version bigint not null,
  plan_id uuid not null references plans(id),
  import_key text,
  kind text not null check (kind in ('headline-figures', 'financial-principles', 'budget', 'workforce', 'principles',
    'promises', 'values-framework', 'governance', 'narrative')),
  title text not null,
  paragraphs jsonb not null default '[]',
  items jsonb not null default '[]',
  "table" jsonb,
  source text,
  source_note text,
  position int not null,
  unique (plan_id, import_key)
);

alter table themes
  add column import_key text,
  add column code text,
  add column owners jsonb not null default '[]',
  add column focus jsonb not null default '[]',
  add column what_staff_said jsonb not null default '[]',
  add column outcome_ids jsonb not null default '[]',
  add column recommendation_ids jsonb not null default '[]',
  add column source text,
  add column source_note text,
  alter column outcome drop not null,
  alter column rationale drop not null,
  add unique (plan_id, import_key);
update themes set owners = jsonb_build_array(jsonb_build_object('role', owner_role)) where owner_role is not null;
alter table themes drop column owner_role;

alter table actions
  add column import_key text,
  add column title text,
  add column leads jsonb not null default '[]',
  add column baseline_as_at text,
  add column activities jsonb not null default '[]',
  add column recommendation_ids jsonb not null default '[]',
  add column outcome_ids jsonb not null default '[]',
  add column deadline_text text,
  add column source text,
  add column source_note text,
  alter column code drop not null,
  add unique (plan_id, import_key);
update actions set leads = jsonb_build_array(jsonb_build_object('role', lead_role));
alter table actions drop column lead_role;

alter table milestones
  add column import_key text,
  add column leads jsonb not null default '[]',
  add column deadline_text text,
  add column monitoring text,
  add column source text,
  add column source_note text;
-- A milestone's plan is its action's; its key is unique within that plan.
create unique index milestones_import_key on milestones(action_id, import_key);

alter table measures
  add column import_key text,
  add column comparison text,
  add column benchmarks jsonb not null default '[]',
  add column source_note text,
  alter column source drop not null,
  alter column direction drop not null,
  add unique (plan_id, import_key);

alter table risks
  add column import_key text,
  add column title text,
  add column mitigations jsonb not null default '[]',
  add column owner text,
  add column theme_ids jsonb not null default '[]',
  add column source text,
  add column source_note text,
  add column position int not null default 0,
  alter column likelihood drop not null,
  alter column impact drop not null,
  add unique (plan_id, import_key);
update risks set mitigations = jsonb_build_array(mitigation), owner = owner_role;
alter table risks drop column mitigation, drop column owner_role;

create table plan_imports (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  plan_id uuid not null references plans(id),
  imported_by uuid references people(id),
  imported_at timestamptz not null default now(),
  document jsonb not null,
  created jsonb not null,
  changed jsonb not null
);
create index plan_imports_plan on plan_imports(plan_id, imported_at);

create index outcomes_pull on outcomes(org_id, version);
create index recommendations_pull on recommendations(org_id, version);
create index sections_pull on sections(org_id, version);
`
