/** Inline SVG glyphs of the travel guide (no web fonts, no image requests): clothing by dressing level, sky, wind vane. */

/** Colour of a dressing level, hot red (1) to cold blue (8). */
const LEVEL_COLOURS = ['#ef4444', '#f97316', '#f59e0b', '#84cc16', '#22c55e', '#06b6d4', '#3b82f6', '#6366f1'];

/** A garment for the dressing level: T-shirt (1–3), long sleeves (4–5), coat (6–8). */
export function DressingIcon({ level, size = 56 }: { level: number; size?: number }) {
  const colour = LEVEL_COLOURS[Math.min(7, Math.max(0, level - 1))];
  const body =
    level <= 3
      ? 'M22 8 L14 12 L6 20 L12 27 L18 22 L18 56 L46 56 L46 22 L52 27 L58 20 L50 12 L42 8 Q32 16 22 8 Z'
      : level <= 5
        ? 'M22 8 L12 12 L4 46 L12 48 L18 26 L18 56 L46 56 L46 26 L52 48 L60 46 L52 12 L42 8 Q32 16 22 8 Z'
        : 'M20 6 L10 11 L3 52 L12 54 L17 28 L17 60 L47 60 L47 28 L52 54 L61 52 L54 11 L44 6 L32 20 Z';
  return (
    <svg class="guide-icon" viewBox="0 0 64 64" width={size} height={size} aria-hidden="true">
      <path d={body} fill={colour} stroke="#0b1320" stroke-width="2.5" stroke-linejoin="round" />
      {level >= 6 && <line x1="32" y1="22" x2="32" y2="58" stroke="#0b1320" stroke-width="2.5" />}
    </svg>
  );
}

/** Sky glyph: sun, cloud, rain or snow. */
export function SkyIcon({ kind, size = 28 }: { kind: 'sun' | 'cloud' | 'rain' | 'snow'; size?: number }) {
  return (
    <svg class="guide-icon" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      {kind === 'sun' ? (
        <g stroke="#facc15" stroke-width="2.5" stroke-linecap="round">
          <circle cx="16" cy="16" r="6" fill="#facc15" />
          {[0, 45, 90, 135, 180, 225, 270, 315].map((a) => (
            <line key={a} x1="16" y1="3" x2="16" y2="6.5" transform={`rotate(${a} 16 16)`} />
          ))}
        </g>
      ) : (
        <g>
          <path d="M8 21 Q3 21 3 16.5 Q3 12 8 12 Q9 6 15.5 6 Q22 6 23 12 Q29 12 29 16.5 Q29 21 24 21 Z" fill="#cbd5e1" />
          {kind === 'rain' && <path d="M10 24 L8 29 M16 24 L14 29 M22 24 L20 29" stroke="#38bdf8" stroke-width="2.4" stroke-linecap="round" />}
          {kind === 'snow' && [9, 16, 23].map((x) => <circle key={x} cx={x} cy="27" r="2" fill="#f8fafc" />)}
        </g>
      )}
    </svg>
  );
}

/** Wind vane: a north tick and an arrow pointing where the wind blows to, longer with stronger wind; a ring when calm. */
export function WindVane({ fromDegrees, intensity, size = 56 }: { fromDegrees: number | null; intensity: number; size?: number }) {
  const length = 10 + 14 * Math.min(1, Math.max(0, intensity));
  return (
    <svg class="guide-vane" viewBox="0 0 64 64" width={size} height={size} role="img" aria-label={fromDegrees === null ? 'calm' : `wind from ${Math.round(fromDegrees)}°`}>
      <circle cx="32" cy="32" r="28" fill="none" stroke="rgba(159,176,200,0.5)" stroke-width="2" />
      <text x="32" y="12" text-anchor="middle" font-size="9" fill="#9fb0c8">
        N
      </text>
      {fromDegrees === null ? (
        <circle cx="32" cy="32" r="5" fill="#9fb0c8" />
      ) : (
        <g transform={`rotate(${fromDegrees + 180} 32 32)`}>
          <line x1="32" y1={32 + length} x2="32" y2={32 - length + 6} stroke="#38e1ff" stroke-width="4" stroke-linecap="round" />
          <path d={`M32 ${32 - length - 4} L25 ${32 - length + 8} L39 ${32 - length + 8} Z`} fill="#38e1ff" />
        </g>
      )}
    </svg>
  );
}
