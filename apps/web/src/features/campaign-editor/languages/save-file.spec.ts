import { describe, expect, it } from 'vitest';
import { attachmentName } from './save-file';

describe(attachmentName.name, () => {
  it('reads the name the API gives the file', () => {
    expect(attachmentName('attachment; filename="campaign-7-v2.de.xlf"')).toBe('campaign-7-v2.de.xlf');
    expect(attachmentName('attachment; filename=plain.xlf')).toBe('plain.xlf');
  });

  it('prefers the encoded name, which may hold any character', () => {
    expect(attachmentName(`attachment; filename="fallback.xlf"; filename*=UTF-8''m%C3%BCller.xlf`)).toBe('müller.xlf');
  });

  it('is null when the header names no file', () => {
    expect(attachmentName(null)).toBeNull();
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName('attachment; filename=""')).toBeNull();
  });
});
