/**
 * Sign-ins under way at the organisation's identity provider. In the database, not in
 * memory, so the replica that takes the provider's callback need not be the one that
 * sent the person there. A row is taken once (deleted as it is read) and lives minutes.
 */
export default /* sql */ `
create table oidc_logins (
  -- A hash of the random value in the browser's gt_oidc cookie: the row belongs to that browser.
  browser_hash text primary key,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  next_path text,
  expires_at timestamptz not null
);
create index oidc_logins_expiry on oidc_logins(expires_at);
`
