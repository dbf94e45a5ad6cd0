/**
 * The first bytes each allowed type starts with. A file is judged by its content, not
 * its name: an iPad's HEIC photo renamed .jpg is refused rather than stored unreadable.
 */
const signatures: { types: string[]; bytes: number[] }[] = [
  { types: ['image/jpeg'], bytes: [0xff, 0xd8, 0xff] },
  { types: ['image/png'], bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { types: ['application/pdf'], bytes: [0x25, 0x50, 0x44, 0x46] },
  // Office Open XML and OpenDocument files are zip archives.
  {
    types: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
    ],
    bytes: [0x50, 0x4b, 0x03, 0x04],
  },
  // Older Word, Excel and PowerPoint files are OLE compound documents.
  {
    types: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
  },
]

export function contentMatchesType(firstBytes: Uint8Array, mediaType: string): boolean {
  const signature = signatures.find((s) => s.types.includes(mediaType))
  return signature !== undefined && signature.bytes.every((byte, index) => firstBytes[index] === byte)
}
