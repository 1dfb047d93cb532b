const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text safe inside HTML, in an element or a quoted attribute. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)

/** Text safe inside a Markdown table cell or paragraph: on one line, the marks escaped. */
export const escapeMarkdown = (text: string) =>
  text.replace(/([\\`*_[\]|<>~])/g, '\\$1').replace(/\n+/g, ' ')
