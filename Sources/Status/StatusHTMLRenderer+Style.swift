extension StatusHTMLRenderer {
    /// Inline, so the page needs nothing else. The card and table-header colours are flat fills the
    /// screenshot test looks for: change them there too.
    static let css = """
        body { margin: 0; padding: 16px 24px; background: #ffffff; color: #1d2733; font: 14px/1.4 sans-serif; }
        h1 { font-size: 20px; margin: 0 0 12px; }
        h2 { font-size: 16px; margin: 16px 0 8px; }
        h2 .uri { font-weight: normal; color: #5b6b7d; margin-left: 8px; font-size: 13px; }
        h3 { font-size: 15px; margin: 0 0 6px; }
        .cards { display: flex; gap: 12px; margin-bottom: 14px; }
        .card { flex: 1; background: #e8f0fb; border-radius: 8px; padding: 10px 14px; }
        .card ul { list-style: none; margin: 0; padding: 0; }
        .card li { margin: 2px 0; }
        .next { margin: 8px 0 0; }
        .detail { color: #5b6b7d; font-size: 12px; margin: 4px 0 0; }
        .note, .error { color: #8a1f11; }
        table.guests { border-collapse: collapse; width: 100%; }
        table.guests th { background: #243b55; color: #ffffff; text-align: left; padding: 6px 8px; }
        table.guests td { border-bottom: 1px solid #d5dde6; padding: 6px 8px; vertical-align: top; }
        .chip { display: inline-block; border-radius: 9px; padding: 0 8px; font-size: 12px; margin-left: 4px; }
        .chip.ok { background: #1f8a3a; color: #ffffff; }
        .chip.bad { background: #c0392b; color: #ffffff; }
        .chip.warn { background: #e0a800; color: #1d2733; }
        .chip.muted { background: #c9d1da; color: #1d2733; }
        .chip.action { background: #2563c9; color: #ffffff; }
        """
}
