import initial from './0001-initial'
import fieldDelivery from './0002-field-delivery'
import surveys from './0003-surveys'
import historyByMutation from './0004-history-by-mutation'

/** Applied in order, each once; append new migrations, never edit an applied one. */
export const migrations: { name: string; sql: string }[] = [
  { name: '0001-initial', sql: initial },
  { name: '0002-field-delivery', sql: fieldDelivery },
  { name: '0003-surveys', sql: surveys },
  { name: '0004-history-by-mutation', sql: historyByMutation },
]
