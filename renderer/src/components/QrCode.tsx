import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn in the browser (the `qrcode` package, no network): the case code, to be scanned at any
 * desk. Rendered as a PNG data URL so that it prints sharply and can be checked in tests.
 */
export function QrCode({
  text,
  size = 160,
  className,
  label = '案件码二维码',
}: {
  text: string;
  size?: number;
  className?: string;
  label?: string;
}) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // drawn at 4× the shown size so that print and high-DPI screens stay crisp
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: size * 4, color: { dark: '#000000', light: '#ffffff' } })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, size]);

  return (
    <span className={className} style={{ display: 'inline-block', width: size, height: size }}>
      {src && <img src={src} alt={label} data-qr-text={text} width={size} height={size} style={{ display: 'block' }} />}
    </span>
  );
}
