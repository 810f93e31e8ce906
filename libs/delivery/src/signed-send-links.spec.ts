import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';
import { PreferenceLinks } from './preference-links';
import { UNSUBSCRIBE_TOKEN, UnsubscribeLinks } from './unsubscribe-links';

describe('SignedSendLinks', () => {
  const signer = new Signer('x'.repeat(40));
  const refs = new SendRefs(signer);
  const config = new AppConfig({ PUBLIC_BASE_URL: 'https://engine.example.com' });
  const unsubscribe = new UnsubscribeLinks(signer, refs, config);
  const preferences = new PreferenceLinks(signer, refs, config);

  // Emails already sent carry these: the values were made by the two classes before they shared a base.
  it('makes the same tokens and addresses as before', () => {
    expect(unsubscribe.token('987654321987')).toBe('YeSTx0rmWVs4oDKMbOMt9w.oZpfIXGpB754rrUWiN2HLw');
    expect(preferences.token('987654321987')).toBe('YeSTx0rmWVs4oDKMbOMt9w.sKKwLhDohSO6Jy0CisDbuw');
    expect(unsubscribe.both('42', 'mail.example')).toEqual({
      url: 'https://engine.example.com/u/A5QelPMaC8TOcoi_OtTekA.yAzYjboJyRI0s9t91Z6vkw',
      mailto: 'mailto:unsubscribe@mail.example?subject=unsubscribe%20A5QelPMaC8TOcoi_OtTekA.yAzYjboJyRI0s9t91Z6vkw',
    });
    expect(unsubscribe.url('42')).toBe('https://engine.example.com/u/A5QelPMaC8TOcoi_OtTekA.yAzYjboJyRI0s9t91Z6vkw');
    expect(preferences.url('42')).toBe(
      'https://engine.example.com/preferences/A5QelPMaC8TOcoi_OtTekA.Qoei1-1HPkz-Zy7t04hwTw',
    );
    expect(UNSUBSCRIBE_TOKEN.source).toBe('(?:[A-Za-z0-9_-]{22}|\\d{1,18})\\.[A-Za-z0-9_-]{22}');
  });

  it('verifies each purpose only with its own tokens', () => {
    expect(unsubscribe.verify('YeSTx0rmWVs4oDKMbOMt9w.oZpfIXGpB754rrUWiN2HLw')).toBe('987654321987');
    expect(preferences.verify('YeSTx0rmWVs4oDKMbOMt9w.sKKwLhDohSO6Jy0CisDbuw')).toBe('987654321987');
    expect(unsubscribe.verify('YeSTx0rmWVs4oDKMbOMt9w.sKKwLhDohSO6Jy0CisDbuw')).toBeNull();
    expect(preferences.verify('YeSTx0rmWVs4oDKMbOMt9w.oZpfIXGpB754rrUWiN2HLw')).toBeNull();
    expect(unsubscribe.verify('YeSTx0rmWVs4oDKMbOMt9w.oZpfIXGpB754rrUWiN2HLw ')).toBeNull();
  });

  it('accepts plain send ids in unsubscribe links only (links sent before references existed)', () => {
    expect(unsubscribe.verify(`42.${signer.sign('unsubscribe', '42')}`)).toBe('42');
    expect(preferences.verify(`42.${signer.sign('preferences', '42')}`)).toBeNull();
  });
});
