import initial from './0001-initial'
import fieldDelivery from './0002-field-delivery'
import surveys from './0003-surveys'
import historyByMutation from './0004-history-by-mutation'
import surveyAnswerBuckets from './0005-survey-answer-buckets'
import sessionsAndThrottling from './0006-sessions-and-throttling'
import attachmentChunks from './0007-attachment-chunks'
import oidcLogins from './0008-oidc-logins'
import planModel from './0009-plan-model'
import historyDeviceKind from './0010-history-device-kind'
import planEditing from './0012-plan-editing'
import remindersAndSignOff from './0014-reminders-and-sign-off'
import measureMonitoring from './0015-measure-monitoring'
import riskRegister from './0016-risk-register'
import peopleAdmin from './0017-people-admin'
import planLifecycle from './0018-plan-lifecycle'
import reportLocks from './0019-report-locks'

/** Applied in order, each once; append new migrations, never edit an applied one. */
export const migrations: { name: string; sql: string }[] = [
  { name: '0001-initial', sql: initial },
  { name: '0002-field-delivery', sql: fieldDelivery },
  { name: '0003-surveys', sql: surveys },
  { name: '0004-history-by-mutation', sql: historyByMutation },
  { name: '0005-survey-answer-buckets', sql: surveyAnswerBuckets },
  { name: '0006-sessions-and-throttling', sql: sessionsAndThrottling },
  { name: '0007-attachment-chunks', sql: attachmentChunks },
  { name: '0008-oidc-logins', sql: oidcLogins },
  { name: '0009-plan-model', sql: planModel },
  { name: '0010-history-device-kind', sql: historyDeviceKind },
  { name: '0012-plan-editing', sql: planEditing },
  { name: '0014-reminders-and-sign-off', sql: remindersAndSignOff },
  { name: '0015-measure-monitoring', sql: measureMonitoring },
  { name: '0016-risk-register', sql: riskRegister },
  { name: '0017-people-admin', sql: peopleAdmin },
  { name: '0018-plan-lifecycle', sql: planLifecycle },
  { name: '0019-report-locks', sql: reportLocks },
]
