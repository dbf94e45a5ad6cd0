import type { Place } from './problems'

/**
 * Where each part of the document came from, by its path ("themes[0].owners"), so that a
 * refusal by the shared schema can name the cell as well as the path. Parts the caller's
 * options gave have no place.
 */
export class Origins {
  private readonly places = new Map<string, Place>()

  set(path: string, place: Place) {
    this.places.set(path, place)
  }

  /** The place of the path, or of the nearest enclosing part that has one. */
  find(path: string): Place | undefined {
    for (let at = path; at; at = at.replace(/(\.[^.[]*|\[\d+\])$/, '')) {
      const place = this.places.get(at)
      if (place) return place
      if (!/[.[]/.test(at)) break
    }
    return undefined
  }
}
