import { describe, expect, it } from 'vitest'
import { photoTargetBytes, resizeSteps, targetSize } from './resize-photo'

describe('targetSize', () => {
  it('brings the long edge of a landscape photo down to the limit, keeping its shape', () => {
    expect(targetSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(targetSize(5712, 4284, 1600)).toEqual({ width: 1600, height: 1200 })
  })

  it('does the same for a portrait photo', () => {
    expect(targetSize(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(targetSize(3024, 4032, 1280)).toEqual({ width: 960, height: 1280 })
  })

  it('handles squares and rounds to whole pixels', () => {
    expect(targetSize(3000, 3000, 1600)).toEqual({ width: 1600, height: 1600 })
    expect(targetSize(1000, 333, 500)).toEqual({ width: 500, height: 167 })
  })

  it('never makes a photo bigger than it is', () => {
    expect(targetSize(800, 600, 1600)).toEqual({ width: 800, height: 600 })
    expect(targetSize(1600, 900, 1600)).toEqual({ width: 1600, height: 900 })
  })

  it('keeps at least one pixel on the short edge of a very long image', () => {
    expect(targetSize(20000, 2, 1600)).toEqual({ width: 1600, height: 1 })
  })

  it('refuses sizes that are not real', () => {
    expect(() => targetSize(0, 100, 1600)).toThrow(RangeError)
    expect(() => targetSize(100, Number.NaN, 1600)).toThrow(RangeError)
    expect(() => targetSize(100, 100, 0)).toThrow(RangeError)
    expect(() => targetSize(Number.POSITIVE_INFINITY, 100, 1600)).toThrow(RangeError)
  })
})

describe('resize steps', () => {
  it('start legible (1600 px, quality 0.8) and step quality down before size, aiming under 300 KB', () => {
    expect(photoTargetBytes).toBe(300 * 1024)
    expect(resizeSteps.flatMap((step) => step.qualities.map((quality) => [step.maxEdge, quality]))).toEqual([
      [1600, 0.8],
      [1600, 0.7],
      [1280, 0.7],
      [1280, 0.6],
    ])
  })
})
