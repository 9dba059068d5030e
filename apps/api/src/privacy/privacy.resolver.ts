import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { toAttendeeModel } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { ConsentNoticeArgs } from './consent.args';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacyService: PrivacyService) {}

  @Mutation(() => Attendee, { description: 'Attendees: opt in to matchmaking, recording the privacy notice version you were shown' })
  async giveMatchmakingConsent(@CurrentActor() actor: Actor, @Args() { noticeVersion }: ConsentNoticeArgs): Promise<Attendee> {
    return toAttendeeModel(await this.privacyService.giveConsent(actor, noticeVersion), 'full');
  }

  @Mutation(() => Attendee, { description: 'Attendees: withdraw consent; no later round includes you (unpublished drafts let you go)' })
  async withdrawMatchmakingConsent(@CurrentActor() actor: Actor): Promise<Attendee> {
    return toAttendeeModel(await this.privacyService.withdrawConsent(actor), 'full');
  }

  @Query(() => GraphQLJSONObject, { description: 'Attendees: all your personal data, machine-readable (GDPR access and portability)' })
  exportMyData(@CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    return this.privacyService.exportMyData(actor);
  }

  @Mutation(() => Boolean, {
    description: 'Attendees: erase your data for good (GDPR erasure). Past meetings remain for your partners as “Deleted attendee”; your token stops working.',
  })
  deleteMyData(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.privacyService.deleteMyData(actor);
  }
}
