/**
 * Which groups may be shown. A group smaller than the minimum is withheld. So is the
 * smallest shown group of a parent whenever the parent's count minus its shown groups
 * would leave a remainder between 1 and the minimum: otherwise subtracting published
 * figures would reveal a small group's answers. Repeats until nothing changes.
 */
export function groupsToWithhold(
  counts: Map<string, number>,
  partitions: { parent: string; children: string[] }[],
  minimum: number,
): Set<string> {
  const withheld = new Set([...counts].filter(([, n]) => n < minimum).map(([id]) => id))
  for (let changed = true; changed;) {
    changed = false
    for (const { parent, children } of partitions) {
      const parentCount = counts.get(parent) ?? 0
      // A parent too small to show has children smaller still, all withheld already.
      if (parentCount < minimum) continue
      const shown = children.filter((child) => !withheld.has(child))
      const remainder = parentCount - shown.reduce((sum, child) => sum + (counts.get(child) ?? 0), 0)
      // A shown parent must not leave a small remainder; a parent withheld to protect
      // another group must not be rebuilt exactly from its shown children either.
      const revealing = withheld.has(parent) ? remainder < minimum : remainder > 0 && remainder < minimum
      if (revealing && shown.length > 0) {
        const smallest = shown.reduce((a, b) => ((counts.get(a) ?? 0) <= (counts.get(b) ?? 0) ? a : b))
        withheld.add(smallest)
        changed = true
      }
    }
  }
  return withheld
}
