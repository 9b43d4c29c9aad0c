import sharp from 'sharp'

import type { Random } from './random'

const PALETTES: readonly [string, string, string][] = [
  ['#0b6e4f', '#08a045', '#f4f1de'],
  ['#1d3557', '#457b9d', '#f1faee'],
  ['#7f5539', '#b08968', '#ede0d4'],
  ['#5a189a', '#9d4edd', '#f8f0fb'],
  ['#9d0208', '#e85d04', '#fff3e0'],
  ['#005f73', '#0a9396', '#e9d8a6'],
  ['#283618', '#606c38', '#fefae0'],
  ['#3a0ca3', '#4895ef', '#eef4ff'],
]

/**
 * A demo picture drawn locally (nothing is downloaded): a gradient sky, hills
 * and a few soft shapes, different for every index, encoded as JPEG.
 */
export async function demoImage(
  index: number,
  random: Random,
  width = 1200,
  height = 800,
): Promise<Buffer> {
  const [dark, mid, light] = PALETTES[index % PALETTES.length] ?? PALETTES[0]!
  const circles = Array.from({ length: 6 }, () => {
    const r = random.int(30, 160)
    return `<circle cx="${random.int(0, width)}" cy="${random.int(0, height / 2)}" r="${r}" fill="${light}" fill-opacity="${(random.int(10, 35) / 100).toFixed(2)}"/>`
  }).join('')
  const hill = (y: number, colour: string) =>
    `<path d="M0 ${y} Q ${width * 0.25} ${y - random.int(40, 160)} ${width * 0.5} ${y} T ${width} ${y} V ${height} H 0 Z" fill="${colour}"/>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${light}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${circles}
    ${hill(height * 0.7, mid)}${hill(height * 0.82, dark)}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
