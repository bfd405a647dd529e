import qrcode from './vendor/qrcode.js';
import { s } from './ui.js';

qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8'];

/** A QR code of `text` as an SVG element (drawn with the DOM, so the strict CSP needs no inline markup). */
export function qrSvg(text, label) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + 4},${r + 4}h1v1h-1z`;
  return s('svg', { viewBox: `0 0 ${n + 8} ${n + 8}`, role: 'img', 'aria-label': label, class: 'qr-code', 'shape-rendering': 'crispEdges' },
    s('rect', { width: n + 8, height: n + 8, fill: '#fff' }), s('path', { d: path, fill: '#000' }));
}
