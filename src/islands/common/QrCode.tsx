/**
 * A QR code of a share code, drawn locally as SVG (no service, no network). A code longer than a
 * QR code can hold gets a message instead, pointing to the code itself or a file.
 */
import { encode } from 'uqr';

/** Bytes a QR code holds at its largest size with the lowest error correction. */
export const QR_CAPACITY = 2_953;

export function QrCode({ text }: { text: string }) {
  if (new TextEncoder().encode(text).length > QR_CAPACITY) {
    return (
      <p class="callout" role="status">
        This work is too long for one QR code ({text.length.toLocaleString('en')} characters; a QR code holds about{' '}
        {QR_CAPACITY.toLocaleString('en')}). Send the share code or a JSON file to your instructor instead.
      </p>
    );
  }
  const { data, size } = encode(text, { ecc: 'L', border: 4 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <figure class="qr">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width={Math.min(360, size * 4)}
        height={Math.min(360, size * 4)}
        role="img"
        aria-label="QR code of your share code"
        shape-rendering="crispEdges"
      >
        <rect width={size} height={size} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
      <figcaption class="meta">
        Your instructor can scan it with any phone camera to read the code, then paste it into the room dashboard.
      </figcaption>
    </figure>
  );
}
