/** The QR code of a join link, as inline SVG, so a projector shows it without any image request. */
import QRCode from 'qrcode';

/** An SVG QR code for `url` (error correction M: still scans from the back of a room). */
export function joinQrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
