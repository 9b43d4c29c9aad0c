/**
 * Headers every stored file is served with. `nosniff` makes the browser keep
 * to the declared type (no script out of a file it guesses is HTML), and
 * anything but a picture, a sound or a film is offered as a download rather
 * than opened in the site's origin. SVG is script, not a picture.
 */
export function safeFileHeaders(headers: Headers): Headers {
  headers.set('X-Content-Type-Options', 'nosniff')
  const type = (headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  const inline =
    (type.startsWith('image/') && !type.startsWith('image/svg')) ||
    type.startsWith('audio/') ||
    type.startsWith('video/')
  if (!inline) {
    headers.set('Content-Disposition', 'attachment')
  }
  return headers
}
