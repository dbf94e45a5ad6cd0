import type { Rag } from '../../../shared/entities'

/** RAG spelled out, so no one has to read meaning from a colour. */
export const ragMeaning: Record<Rag, { label: string; meaning: string; symbol: string }> = {
  green: { label: 'Green', meaning: 'on track to deliver as planned', symbol: '●' },
  amber: { label: 'Amber', meaning: 'some risk to delivery; action is being taken', symbol: '▲' },
  red: { label: 'Red', meaning: 'will not deliver as planned without intervention', symbol: '■' },
}
