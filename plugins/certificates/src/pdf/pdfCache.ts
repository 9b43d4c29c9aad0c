/**
 * The last PDFs printed, by certificate, version and audience. Bounded,
 * and a pure function of the stored document, so two CMS processes with
 * caches of their own still answer alike; a revocation changes
 * `updatedAt`, so a revoked certificate is never served from before.
 */
export class PdfCache {
  private readonly items = new Map<string, Uint8Array>()

  constructor(private readonly max = 32) {}

  get(key: string): Uint8Array | undefined {
    const hit = this.items.get(key)
    if (hit) {
      this.items.delete(key)
      this.items.set(key, hit)
    }
    return hit
  }

  set(key: string, pdf: Uint8Array): void {
    this.items.delete(key)
    this.items.set(key, pdf)
    while (this.items.size > this.max) {
      this.items.delete(this.items.keys().next().value!)
    }
  }

  get size(): number {
    return this.items.size
  }
}
