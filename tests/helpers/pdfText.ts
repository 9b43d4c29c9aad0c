import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Runs one of Poppler's tools (Debian's poppler-utils) on the PDF, from a file of its own. */
function poppler(tool: string, args: string[], pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'))
  try {
    const file = path.join(dir, 'in.pdf')
    fs.writeFileSync(file, pdf)
    const out = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])])
    if (out.status !== 0) {
      throw new Error(`${tool} failed: ${out.stderr.toString()}`)
    }
    return out.stdout.toString('utf8')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The text a reader's PDF tool extracts (`pdftotext`). */
export function pdfText(pdf: Uint8Array): string {
  return poppler('pdftotext', ['-enc', 'UTF-8'], pdf)
}

/** One row per font (`pdffonts`): whether it is embedded, and as a subset. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  return poppler('pdffonts', [], pdf)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/)
      // … emb sub uni object ID: the yes/no columns come before the last two numbers.
      const [emb, sub] = cells.slice(-5, -3)
      return { name: cells[0]!, embedded: emb === 'yes', subset: sub === 'yes' }
    })
}
