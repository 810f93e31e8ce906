#!/usr/bin/env node
// Regenerates the demo vendor's binary assets in templates/acme-cloud-backup: the PDF
// one-pager and the LinkedIn background. They are committed; run this only to change them.
const fs = require('node:fs');
const path = require('node:path');
const { PDFDocument, StandardFonts, rgb } = require('pdf-lib');
const sharp = require('sharp');

const OUT = path.resolve(__dirname, '../templates/acme-cloud-backup');
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const NAVY = rgb(0.07, 0.16, 0.32);
const GREY = rgb(0.3, 0.33, 0.38);

function wrap(text, font, size, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

async function onePager() {
  const doc = await PDFDocument.create();
  doc.setTitle('Acme Cloud Backup — one-pager');
  doc.setAuthor('Acme Cloud Backup');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const page = doc.addPage([595.28, 841.89]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 0, y: height - 120, width, height: 120, color: NAVY });
  page.drawText('Acme Cloud Backup', { x: 40, y: height - 62, size: 26, font: bold, color: rgb(1, 1, 1) });
  page.drawText('Every file. Every device. Every 15 minutes.', {
    x: 40,
    y: height - 88,
    size: 12,
    font: regular,
    color: rgb(0.85, 0.9, 1),
  });
  // The partner's logo goes in the white box at the top right (slot rectangle).
  page.drawRectangle({ x: 395, y: height - 110, width: 180, height: 80, color: rgb(1, 1, 1) });
  let y = height - 170;
  const para = (text, size = 11, font = regular, color = GREY, gap = 8) => {
    for (const line of wrap(text, font, size, width - 80)) {
      page.drawText(line, { x: 40, y, size, font, color });
      y -= size * 1.45;
    }
    y -= gap;
  };
  para('Losing data is not a question of if.', 18, bold, NAVY, 6);
  para(
    'Ransomware, a stolen laptop or one mistaken click can stop a business for days. Acme Cloud Backup copies every laptop and server you run to encrypted storage in the region you choose, automatically, every fifteen minutes. Restoring a file, a folder or a whole machine takes a few clicks.',
  );
  const bullets = [
    ['Continuous protection', 'Incremental backups every 15 minutes, versioned for 365 days.'],
    ['Ransomware-proof', 'Immutable copies that no one, not even an administrator, can alter or delete.'],
    ['Your region, your rules', 'Storage in the EU, the US or APAC, encrypted with AES-256 at rest and in transit.'],
    ['Restore in minutes', 'Point-in-time recovery of single files or entire machines, from any browser.'],
  ];
  y -= 4;
  for (const [title, text] of bullets) {
    page.drawCircle({ x: 46, y: y + 4, size: 3, color: NAVY });
    page.drawText(title, { x: 58, y, size: 12, font: bold, color: NAVY });
    y -= 16;
    for (const line of wrap(text, regular, 11, width - 100)) {
      page.drawText(line, { x: 58, y, size: 11, font: regular, color: GREY });
      y -= 15;
    }
    y -= 10;
  }
  y -= 6;
  para(
    '"We restored 212 machines in 40 minutes after a ransomware attack. The warehouse was shipping again before the afternoon shift."',
    12,
    regular,
    NAVY,
    2,
  );
  para('— IT lead, Northwind Traders', 10, bold, GREY, 16);
  para('Start with a free 30-day trial, set up for you by your local Acme partner.', 13, bold, NAVY);
  // The partner's contact block goes in the panel at the bottom (slot rectangles).
  page.drawRectangle({
    x: 40,
    y: 40,
    width: width - 80,
    height: 130,
    color: rgb(0.95, 0.96, 0.98),
    borderColor: rgb(0.85, 0.87, 0.9),
    borderWidth: 1,
  });
  page.drawText('YOUR ACME PARTNER', { x: 56, y: 150, size: 9, font: bold, color: GREY });
  fs.writeFileSync(path.join(OUT, 'one-pager.pdf'), await doc.save({ useObjectStreams: true }));
}

async function linkedIn() {
  const W = 1200;
  const H = 627;
  const background = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#12284f"/><stop offset="1" stop-color="#1e4d8f"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#g)"/>
    <circle cx="1050" cy="520" r="260" fill="#ffffff" fill-opacity="0.06"/>
    <circle cx="980" cy="80" r="140" fill="#ffffff" fill-opacity="0.05"/>
    <rect x="820" y="40" width="340" height="130" rx="12" fill="#ffffff"/>
    <rect x="60" y="500" width="700" height="90" rx="10" fill="#ffffff" fill-opacity="0.12"/>
  </svg>`);
  const text = (markup, width, file = FONT_BOLD) =>
    sharp({ text: { text: markup, fontfile: file, font: 'DejaVu Sans', width, rgba: true, dpi: 72 } })
      .png()
      .toBuffer();
  const title = await text(
    '<span foreground="white" size="44pt" weight="bold">Ransomware-proof backup\nfor every device.</span>',
    720,
  );
  const sub = await text(
    '<span foreground="#cfe0ff" size="28pt">Acme Cloud Backup · free 30-day trial</span>',
    720,
    FONT,
  );
  const png = await sharp(background)
    .composite([
      { input: title, left: 60, top: 170 },
      { input: sub, left: 60, top: 345 },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
  fs.writeFileSync(path.join(OUT, 'linkedin.png'), png);
}

Promise.all([onePager(), linkedIn()]).then(() => console.log('Demo assets written to', OUT));

// A demo partner's raster logo (the other partner's logo is a hand-written SVG).
sharp(
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
  <rect width="600" height="200" fill="#ffffff"/>
  <rect x="30" y="30" width="140" height="140" rx="70" fill="#0f766e"/>
  <path d="M70 130 L70 70 L130 130 L130 70" stroke="#ffffff" stroke-width="16" fill="none" stroke-linejoin="round"/>
  <rect x="200" y="60" width="340" height="30" rx="15" fill="#134e4a"/>
  <rect x="200" y="110" width="240" height="30" rx="15" fill="#5eead4"/>
</svg>`),
)
  .png()
  .toFile(path.join(OUT, 'partners/northwind-logo.png'))
  .then(() => console.log('Partner logo written'));
