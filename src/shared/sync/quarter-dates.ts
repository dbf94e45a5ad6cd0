// Apart from quarter.ts, which the first screen loads: only monitoring needs a quarter's days.

/** The first and last day (ISO dates) of a quarter as `quarterOf` names it: "2026/27 Q3" is October to December 2026. */
export function quarterDates(quarter: string): { start: string; end: string } {
  const startYear = Number(quarter.slice(0, 4))
  const index = Number(quarter.slice(-1)) - 1 // Q1 is April to June
  const firstMonth = 3 + index * 3 // 0 = January; Q4's January is 12, next year
  const year = startYear + Math.floor(firstMonth / 12)
  const month = firstMonth % 12
  const lastDay = new Date(Date.UTC(year, month + 3, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    start: `${year}-${pad(month + 1)}-01`,
    end: `${year}-${pad(month + 3)}-${pad(lastDay)}`,
  }
}
