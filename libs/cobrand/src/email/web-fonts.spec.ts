import { withoutWebFonts } from './web-fonts';

describe(withoutWebFonts.name, () => {
  it('drops the style sheets MJML links for mj-font, and every @import, keeping the rest of the styles', () => {
    const html = `<!doctype html><html><head>
<!--[if !mso]><!-->
<link href="https://fonts.googleapis.com/css?family=Lobster" rel="stylesheet" type="text/css">
<style type="text/css">
@import url(https://fonts.googleapis.com/css?family=Lobster);
@import url('https://fonts.googleapis.com/css?family=Pacifico') screen;
</style>
<!--<![endif]-->
<style type="text/css">@import "https://evil.example/a.css"; .x { color: red; }</style>
<LINK REL=stylesheet HREF=//fonts.example/b.css />
</head><body><p style="font-family: Lobster, Helvetica">Hi</p><a href="https://partner.example/">link</a></body></html>`;
    const sut = withoutWebFonts(html);
    expect(sut).not.toMatch(/<link/i);
    expect(sut).not.toContain('@import');
    expect(sut).not.toContain('fonts.googleapis.com');
    expect(sut).not.toContain('evil.example');
    expect(sut).toContain('.x { color: red; }');
    expect(sut).toContain('<p style="font-family: Lobster, Helvetica">Hi</p>');
    expect(sut).toContain('<a href="https://partner.example/">link</a>');
  });

  it('leaves an email without web fonts as it is', () => {
    const html = '<html><head><style>.a{margin:0}</style></head><body>Hello</body></html>';
    expect(withoutWebFonts(html)).toBe(html);
  });
});
