import type { AppConfig } from '@tcma/config';
import type { SendingConfigRow } from '@tcma/persistence';
import type { Signer } from '@tcma/signing';
import type { OutboxRepository } from './outbox.repository';
import type { SendingConfigsRepository } from './sending-configs.repository';
import { TransportRegistry } from './transport-registry';

/** A registry over a sending-config store that counts its reads and answers when told to. */
function registry() {
  const reads: Array<{ vendorId: string; partnerId: string }> = [];
  const answers: Array<{ resolve: (row: SendingConfigRow | null) => void; reject: (e: Error) => void }> = [];
  const configs = {
    effectiveForSystem: (vendorId: string, partnerId: string) => {
      reads.push({ vendorId, partnerId });
      return new Promise<SendingConfigRow | null>((resolve, reject) => answers.push({ resolve, reject }));
    },
  } as unknown as SendingConfigsRepository;
  const config = { smtpUrl: undefined, sendRatePerSecond: 100, smtpMaxConnections: 5 } as unknown as AppConfig;
  const sut = new TransportRegistry(configs, {} as OutboxRepository, {} as Signer, config);
  return { sut, reads, answers };
}

describe('TransportRegistry', () => {
  it('reads a partner’s sending configuration once for the steps asking together', async () => {
    const { sut, reads, answers } = registry();
    const asked = Array.from({ length: 50 }, () => sut.forPartner('v1', 'p1'));
    expect(reads).toHaveLength(1);
    answers[0].resolve(null);
    const resolved = await Promise.all(asked);
    expect(new Set(resolved).size).toBe(1);
    expect(resolved[0]).toMatchObject({ key: 'outbox', isOutbox: true, ratePerSecond: 100 });
    // Kept afterwards too, and another partner is read on its own.
    await sut.forPartner('v1', 'p1');
    void sut.forPartner('v1', 'p2');
    expect(reads).toEqual([
      { vendorId: 'v1', partnerId: 'p1' },
      { vendorId: 'v1', partnerId: 'p2' },
    ]);
    sut.onApplicationShutdown();
  });

  it('keeps no failed read: the next step asks the database again', async () => {
    const { sut, reads, answers } = registry();
    const first = sut.forPartner('v1', 'p1');
    answers[0].reject(new Error('Connection terminated'));
    await expect(first).rejects.toThrow('Connection terminated');
    const second = sut.forPartner('v1', 'p1');
    expect(reads).toHaveLength(2);
    answers[1].resolve(null);
    await expect(second).resolves.toMatchObject({ key: 'outbox' });
    sut.onApplicationShutdown();
  });
});
