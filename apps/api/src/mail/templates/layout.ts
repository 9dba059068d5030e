/**
 * One message's content as plain data; `renderLayout` turns it into the plain-text and HTML parts, so
 * both always say the same thing. No images and no remote resources: nothing in a message tells anyone
 * when or whether it was opened.
 */
export interface MessageContent {
  language: 'en' | 'fr';
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one button (the sign-in link), shown as a link in the text part. */
  action?: { label: string; url: string };
  /** Small print under a rule: why they get this, how to stop it. */
  footer: { text: string; link?: { label: string; url: string } }[];
}

export function renderText(content: MessageContent): string {
  const lines = [content.greeting, '', ...content.paragraphs.flatMap((paragraph) => [paragraph, ''])];
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, '');
  lines.push('--');
  for (const line of content.footer) lines.push(line.link ? `${line.text} ${line.link.label}: ${line.link.url}` : line.text);
  return `${lines.join('\n')}\n`;
}

export function renderHtml(content: MessageContent): string {
  const paragraphs = content.paragraphs.map((paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph)}</p>`).join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1f4fd1;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555555;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : '';
  const footer = content.footer
    .map((line) => `<p style="margin:0 0 8px">${escapeHtml(line.text)}${line.link ? ` <a href="${escapeHtml(line.link.url)}" style="color:#555555">${escapeHtml(line.link.label)}</a>` : ''}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${content.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto">
<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>
${paragraphs}
${action}
<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0">
<div style="font-size:13px;color:#555555">
${footer}
</div>
</div>
</body>
</html>
`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from attendees (names, companies, questions) is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
