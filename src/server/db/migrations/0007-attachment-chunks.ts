/**
 * Attachment bytes in PostgreSQL, as ODK Central keeps its blobs, so replicas need no
 * shared folder: one row per uploaded chunk, written in the transaction that records the
 * upload's progress. With S3-compatible storage configured, only unfinished uploads
 * stay here. `last_chunk_at` is when the upload last moved: idle too long and still
 * unpublished, it has expired (see src/server/attachments/uploads.ts).
 */
export default /* sql */ `
create table attachment_chunks (
  attachment_id uuid not null references attachments(id) on delete cascade,
  start_byte bigint not null,
  bytes bytea not null,
  primary key (attachment_id, start_byte)
);
-- Photos and office files are compressed already: skip PostgreSQL's attempt to compress them again.
alter table attachment_chunks alter column bytes set storage external;

alter table attachments add column last_chunk_at timestamptz not null default now();
create index attachments_unpublished on attachments(uploaded_by) where evidence_id is null;
create index attachments_idle on attachments(last_chunk_at) where evidence_id is null;
`
