import sharp from 'sharp';
import { EMAIL_CARD_SIZE, renderEmailCard } from './email-card';
import { emailCardContent, EmailCardContent } from './email-card-content';
import { compileMjml } from './mjml-compiler';

const MJML = `<mjml><mj-body background-color="#f3f4f6">
  <mj-section background-color="#ffffff"><mj-column>
    <mj-image src="https://example.com/logo.png" alt="Northwind" width="180px" />
  </mj-column></mj-section>
  <mj-section background-color="#1e4d8f"><mj-column>
    <mj-text color="#ffffff" font-size="26px" font-weight="bold">Your files, safe &amp; sound.</mj-text>
  </mj-column></mj-section>
  <mj-section background-color="#ffffff"><mj-column>
    <mj-text font-size="15px" color="#1f2937">Hello,</mj-text>
    <mj-text font-size="15px" color="#1f2937">Ransomware, a stolen laptop, one <a href="https://x.example">mistaken click</a>: losing data is rarely a question of if.</mj-text>
    <mj-button background-color="#0b5cad" color="#fefefe" href="https://acme.example/trial">Start a free trial</mj-button>
  </mj-column></mj-section>
</mj-body></mjml>`;

const email = async () => {
  const compiled = await compileMjml(MJML);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return {
    subject: 'Jamie,  is your data safe?',
    preheader: 'Backups every 15 minutes.',
    html: compiled.html,
    text: '',
  };
};

async function pixels(png: Buffer, [r, g, b]: [number, number, number]): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels)
    if (Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8) n++;
  return n;
}

describe('emailCardContent', () => {
  it('reads the subject, preheader, heading on its section colour, first paragraph and first button of MJML output', async () => {
    expect(emailCardContent(await email())).toEqual({
      subject: 'Jamie, is your data safe?',
      preheader: 'Backups every 15 minutes.',
      heading: { text: 'Your files, safe & sound.', color: '#ffffff', background: '#1e4d8f' },
      // The greeting is too short to be the paragraph; a link's address is not shown.
      paragraph: 'Ransomware, a stolen laptop, one mistaken click: losing data is rarely a question of if.',
      button: { label: 'Start a free trial', color: '#fefefe', background: '#0b5cad' },
    });
  });

  it('has no heading when every text is the same size, and no button when there is none', () => {
    const html = `<table><tr><td align="left" style="font-size:0px;word-break:break-word;"><div style="font-size:14px;color:red">Short</div></td></tr></table>`;
    expect(emailCardContent({ subject: 's', preheader: '', html, text: '' })).toMatchObject({
      heading: null,
      paragraph: 'Short',
      button: null,
    });
  });
});

describe(renderEmailCard.name, () => {
  const heading = { text: 'Your files, safe in the cloud.', color: '#ffffff', background: '#1e4d8f' };
  const content = (over: Partial<EmailCardContent> = {}): EmailCardContent => ({
    subject: 'Is your business one click away from losing its data?',
    preheader: 'Automatic, encrypted backups every 15 minutes.',
    heading,
    paragraph: 'Ransomware, a stolen laptop, one mistaken click: losing business data is rarely a question of if.',
    button: { label: 'Start a free trial', color: '#ffffff', background: '#0b5cad' },
    ...over,
  });
  const logo = () =>
    sharp({ create: { width: 300, height: 100, channels: 3, background: { r: 255, g: 0, b: 255 } } })
      .png()
      .toBuffer();

  it("draws a PNG of the card size with the partner's logo, the heading band and the button in their colours", async () => {
    const card = await renderEmailCard({ content: content(), logo: await logo(), logoFallback: 'Northwind' });
    expect(await sharp(card).metadata()).toMatchObject({ format: 'png', ...EMAIL_CARD_SIZE });
    // The logo fitted into its 160 × 56 box: 160 × 53 px.
    expect(await pixels(card, [255, 0, 255])).toBeGreaterThan(160 * 50);
    expect(await pixels(card, [0x1e, 0x4d, 0x8f])).toBeGreaterThan(298 * 40);
    expect(await pixels(card, [0x0b, 0x5c, 0xad])).toBeGreaterThan(1000);
  });

  it('keeps long texts to their lines and leaves out what does not fit, still at the card size', async () => {
    const long = 'word '.repeat(400).trim();
    const card = await renderEmailCard({
      content: content({ subject: long, preheader: long, heading: { ...heading, text: long }, paragraph: long }),
      logo: null,
      logoFallback: 'Northwind IT Services of a very long name indeed',
    });
    expect(await sharp(card).metadata()).toMatchObject(EMAIL_CARD_SIZE);
  });
});
