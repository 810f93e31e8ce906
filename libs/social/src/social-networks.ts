import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { SOCIAL_NETWORKS, SocialNetwork } from '@tcma/persistence';
import { FacebookAdapter } from './facebook.adapter';
import { LinkedInAdapter } from './linkedin.adapter';
import type { SocialNetworkAdapter } from './social-network';
import { XAdapter } from './x.adapter';

/** The adapter of each network, built from the installation's settings (AppConfig.social) and the injected clock. */
@Injectable()
export class SocialNetworks {
  private readonly adapters: Record<SocialNetwork, SocialNetworkAdapter>;

  constructor(config: AppConfig, clock: Clock) {
    const now = () => clock.now().getTime();
    const { linkedin, x, facebook, timeoutMs } = config.social;
    this.adapters = {
      linkedin: new LinkedInAdapter({ ...linkedin, timeoutMs, now }),
      x: new XAdapter({ ...x, timeoutMs, now }),
      facebook: new FacebookAdapter({ ...facebook, timeoutMs, now }),
    };
  }

  get(network: SocialNetwork): SocialNetworkAdapter {
    return this.adapters[network];
  }

  /** The networks partners can connect on this installation. */
  configured(): SocialNetwork[] {
    return SOCIAL_NETWORKS.filter((n) => this.adapters[n].configured);
  }
}
