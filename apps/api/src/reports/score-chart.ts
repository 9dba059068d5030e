import type { RoundScores } from './reports.repository';

const WIDTH = 720;
const LEFT = 56;
const RIGHT = 24;
const TITLE_HEIGHT = 44;
const PANEL_HEIGHT = 150;
const BAR_AREA = 96;
const BAR_COLOUR = '#3b4a6b';

/** Text for SVG: the five XML specials escaped, characters XML forbids dropped (round names are user text). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));

/**
 * The distribution of pair scores, one histogram per round (buckets shared by
 * every round, so the panels compare), as a self-contained SVG document.
 */
export function scoreChartSvg(title: string, rounds: RoundScores[]): string {
  const panels = rounds.length ? rounds : [];
  const height = TITLE_HEIGHT + Math.max(1, panels.length) * PANEL_HEIGHT + 8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="26" font-size="16" font-weight="600">${escapeXml(title)}</text>`,
  ];
  if (!panels.length) parts.push(`<text x="${LEFT}" y="${TITLE_HEIGHT + 40}" fill="#666">No published rounds yet</text>`);
  panels.forEach((round, index) => parts.push(panel(round, TITLE_HEIGHT + index * PANEL_HEIGHT)));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function panel(round: RoundScores, top: number): string {
  const caption = `${round.name} · ${round.pairs} pairs · mean ${fixed(round.meanScore)} · min ${fixed(round.minScore)}`;
  const out = [`<g class="round">`, `<text x="${LEFT}" y="${top + 16}" font-weight="600">${escapeXml(caption)}</text>`];
  const baseline = top + 24 + BAR_AREA;
  out.push(`<line x1="${LEFT}" y1="${baseline}" x2="${WIDTH - RIGHT}" y2="${baseline}" stroke="#999"/>`);
  if (!round.distribution.length) {
    out.push(`<text x="${LEFT}" y="${baseline - 40}" fill="#666">No scored meetings</text>`, '</g>');
    return out.join('\n');
  }
  const most = Math.max(1, ...round.distribution.map((bucket) => bucket.count));
  const slot = (WIDTH - LEFT - RIGHT) / round.distribution.length;
  out.push(`<text x="${LEFT - 6}" y="${baseline - BAR_AREA + 4}" text-anchor="end" fill="#666">${most}</text>`);
  out.push(`<text x="${LEFT - 6}" y="${baseline}" text-anchor="end" fill="#666">0</text>`);
  round.distribution.forEach((bucket, i) => {
    const h = (bucket.count / most) * BAR_AREA;
    const x = LEFT + i * slot;
    out.push(
      `<rect x="${(x + 2).toFixed(1)}" y="${(baseline - h).toFixed(1)}" width="${(slot - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR_COLOUR}">` +
        `<title>${fixed(bucket.from)} to ${fixed(bucket.to)}: ${bucket.count}</title></rect>`,
    );
    out.push(`<text x="${x.toFixed(1)}" y="${baseline + 14}" text-anchor="middle" fill="#666" font-size="10">${fixed(bucket.from)}</text>`);
  });
  const last = round.distribution.at(-1)!;
  out.push(`<text x="${WIDTH - RIGHT}" y="${baseline + 14}" text-anchor="middle" fill="#666" font-size="10">${fixed(last.to)}</text>`);
  out.push('</g>');
  return out.join('\n');
}
