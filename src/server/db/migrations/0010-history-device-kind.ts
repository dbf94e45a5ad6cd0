/**
 * History says which kind of device a change was sent from (phone, tablet, computer), so a
 * person reads "from Jordan’s tablet" rather than a device id. Entries written before
 * this stay null: their devices' browsers are not known.
 */
export default /* sql */ `
alter table history
  add column device_kind text check (device_kind in ('phone', 'tablet', 'computer'));
`
