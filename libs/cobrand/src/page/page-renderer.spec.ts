import { compilePage, renderPage } from './page-renderer';

describe('compilePage', () => {
  const page = (language: string) =>
    renderPage(
      compilePage(
        { title: 'Hello', html: '<h1>Hello</h1>', noindex: false, form: null },
        { slots: [], links: [], language },
        new Map(),
        { pageUrl: 'https://engine.example/p/a/b', ogImageUrl: null },
      ),
    );

  it('declares the campaign’s language, and a right-to-left one’s direction', () => {
    expect(page('ar')).toMatch(/^<!doctype html><html lang="ar" dir="rtl"><head>/);
    expect(page('he-IL')).toContain('<html lang="he-IL" dir="rtl">');
    expect(page('de')).toContain('<html lang="de"><head>');
  });
});
