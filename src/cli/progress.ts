/** A one-line progress display on a terminal; silent anywhere else. */
export class Progress {
  private articles = 0
  private chars = 0
  private last = 0
  private readonly start = Date.now()
  private readonly enabled: boolean

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = stream.isTTY === true && !process.env.CI
  }

  tick(chars: number): void {
    this.articles++
    this.chars += chars
    if (!this.enabled) return
    const now = Date.now()
    if (now - this.last < 200) return
    this.last = now
    const seconds = Math.max(0.001, (now - this.start) / 1000)
    const mb = this.chars / 1e6
    this.stream.write(
      `\r\u001b[2K${this.articles} articles  ${mb.toFixed(1)} MB  ${Math.round(this.articles / seconds)} articles/s`
    )
  }

  done(): void {
    if (this.enabled && this.last > 0) this.stream.write('\r\u001b[2K')
  }
}
