/** Marking an overtaken status change finds its history row by mutation id. */
export default /* sql */ `
create index history_mutation on history(mutation_id);
`
