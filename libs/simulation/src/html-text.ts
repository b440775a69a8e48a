// Everything that reaches the HTML page goes through here: report text can carry a scenario
// description or a reason string written by someone else.

/** `text` with the five HTML-significant characters escaped, safe in element text and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
