import { Injectable } from '@nestjs/common';
import { ProspectsRepository } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { emailLower } from '@tcma/email-address';
import { NotFoundError } from '@tcma/errors';
import { EnrollmentExits } from '@tcma/nurture';
import { Transactions } from '@tcma/persistence';
import { Actor, PartnersService, scopeOfPartner } from '@tcma/tenancy';
import { EventsRepository } from '@tcma/tracking';

export interface ConversionInput {
  email: string;
  /** Vendor users: the partner whose prospect converted. Partner users: their own. */
  partnerId?: string;
  /** Only this launch; every launch the prospect was enrolled in by default. */
  launchId?: string;
}

export interface ConversionResult {
  prospectId: string;
  /** Launches the conversion was new for (a prospect converts once per launch). */
  launches: string[];
  /** Sequences the prospect left because they exit on conversion. */
  exited: number;
}

/** Conversions reported by a CRM: recorded against the launches that reached the prospect, who leaves those sequences at once. */
@Injectable()
export class ConversionsService {
  constructor(
    private readonly partners: PartnersService,
    private readonly prospects: ProspectsRepository,
    private readonly exits: EnrollmentExits,
    private readonly events: EventsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, input: ConversionInput): Promise<ConversionResult> {
    // A private partner's prospects are not there for its vendor: the answer must not tell whether one exists.
    const partner = await this.partners.actingForContacts(
      actor,
      input.partnerId,
      'Name the partner whose prospect converted',
    );
    const scope = scopeOfPartner(partner);
    const prospect = await this.prospects.findByEmail(scope, emailLower(input.email));
    if (!prospect) throw new NotFoundError('Prospect');
    const enrolledIn = await this.exits.launchesOf(scope, prospect.id);
    const launchIds = input.launchId ? enrolledIn.filter((id) => id === input.launchId) : enrolledIn;
    if (input.launchId && !launchIds.length) throw new NotFoundError('Launch');
    return this.transactions.run(async (tx) => {
      const launches = await this.events.recordConversions(scope, prospect.id, launchIds, this.clock.now(), tx);
      const exited = await this.exits.onConversion(scope, prospect.id, launchIds, tx);
      return { prospectId: prospect.id, launches, exited };
    });
  }
}
