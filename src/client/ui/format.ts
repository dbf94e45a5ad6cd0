const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const dayAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

/** "2021-03-31" → "March 2021": plans set targets by month, not by day. */
export const formatMonth = (isoDate: string) => monthYear.format(new Date(`${isoDate}T00:00:00Z`))
export const formatDay = (isoDate: string) => dayMonthYear.format(new Date(`${isoDate}T00:00:00Z`))

/** When something happened, as a person would say it: "today at 10:42", "3 Mar, 16:05". */
export function formatMoment(iso: string, now = new Date()): string {
  const at = new Date(iso)
  if (at.toDateString() === now.toDateString()) return `today at ${time.format(at)}`
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (at.toDateString() === yesterday.toDateString()) return `yesterday at ${time.format(at)}`
  return dayAndTime.format(at)
}
