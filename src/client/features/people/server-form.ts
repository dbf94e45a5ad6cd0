import { computed, ref } from 'vue'
import type { z } from 'zod'
import { ApiRefusal } from '../../sync/api'
import { problemsByField, type Problem } from '../../ui/form-problems'
import { problemWith } from '../account/server-calls'
import { zodIssues, type Issue } from './field-problems'

interface ServerForm<S extends z.ZodType, R> {
  schema: S
  /** What the form holds now, as the schema reads it. */
  values: () => unknown
  /** Problems by field, from the device's check or the server's refusal. */
  problemsOf: (issues: readonly Issue[]) => Problem[]
  /** "add a team": what the person was doing, for a message when the server cannot be reached. */
  doing: string
  send: (input: z.output<S>) => Promise<R>
  sent: (result: R) => unknown
}

/**
 * A form that is sent to the server straight away (people and passwords are not queued):
 * checked on the device by the server's own schema, sent once at a time, and the server's
 * refusal shown field by field as the GOV.UK error pattern asks.
 */
export function useServerForm<S extends z.ZodType, R>(form: ServerForm<S, R>) {
  const problems = ref<Problem[]>([])
  const problemFor = computed(() => problemsByField(problems.value))
  const message = ref<string>()
  const busy = ref(false)

  async function submit() {
    if (busy.value) return
    message.value = undefined
    const input = form.schema.safeParse(form.values())
    problems.value = input.success ? [] : form.problemsOf(zodIssues(input.error))
    if (!input.success) return
    busy.value = true
    try {
      await form.sent(await form.send(input.data))
    } catch (failure) {
      if (failure instanceof ApiRefusal && failure.issues.length) problems.value = form.problemsOf(failure.issues)
      else message.value = problemWith(failure, form.doing)
    } finally {
      busy.value = false
    }
  }
  return { problems, problemFor, message, busy, submit }
}
