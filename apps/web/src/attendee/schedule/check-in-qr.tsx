/** A QR code drawn from its rows of modules (`1` dark), as the API encodes it (myCheckInCode.qrRows): SVG squares, no HTML injected. */
export function CheckInQr({ rows, label }: { rows: readonly string[]; label: string }) {
  const size = rows.length;
  const path = rows.flatMap((row, y) => [...row].map((cell, x) => (cell === '1' ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return (
    <svg className="check-in-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
