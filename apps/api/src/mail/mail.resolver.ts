import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { ClientAddress, CurrentActor, Public } from '../auth/auth.decorators';
import { AuthPayload } from '../auth/models/auth.models';
import { toConnection } from '../common/paging';
import { toAuthPayload } from '../auth/auth-payload.mapper';
import { idArg } from '../common/validation';
import { OutboxArgs, RequestSignInLinkInput, SendInvitationsInput, SignInWithLinkInput } from './inputs/mail.inputs';
import { InvitationsService } from './invitations.service';
import { MailPreferencesService } from './mail-preferences.service';
import { toInvitationRun, toOutboxMessage } from './mail.mapper';
import { InvitationRun, OutboxConnection } from './models/mail.models';
import { OutboxService } from './outbox.service';
import { SignInLinksService } from './sign-in-links.service';

@Resolver()
export class MailResolver {
  constructor(
    private readonly outboxService: OutboxService,
    private readonly invitationsService: InvitationsService,
    private readonly signInLinksService: SignInLinksService,
    private readonly mailPreferencesService: MailPreferencesService,
  ) {}

  @Query(() => OutboxConnection, { description: 'Organisers: the messages of an event, newest first (sign-in tokens hidden)' })
  async outbox(@CurrentActor() actor: Actor, @Args() args: OutboxArgs): Promise<OutboxConnection> {
    const page = await this.outboxService.page(actor, args.eventId, args.first, args.after);
    return { ...toConnection(page, toOutboxMessage), totalCount: page.totalCount };
  }

  @Mutation(() => InvitationRun, {
    description: 'Organisers: email each matching attendee a personal sign-in link; those invited before get nothing unless resend is true',
  })
  async sendInvitations(@CurrentActor() actor: Actor, @Args('input') input: SendInvitationsInput): Promise<InvitationRun> {
    return toInvitationRun(await this.invitationsService.send(actor, input));
  }

  @Query(() => InvitationRun, { description: 'Organisers: an invitation run and how far its messages are' })
  async invitationRun(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, idArg('id')) id: string): Promise<InvitationRun> {
    return toInvitationRun(await this.invitationsService.get(actor, id));
  }

  @Query(() => [InvitationRun], { description: 'Organisers: the latest 50 invitation runs of an event, newest first' })
  async invitationRuns(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }, idArg('eventId')) eventId: string): Promise<InvitationRun[]> {
    return (await this.invitationsService.list(actor, eventId)).map(toInvitationRun);
  }

  @Mutation(() => Attendee, {
    description:
      'Attendees: stop (true) or resume (false) the event’s emails — invitations, reminders and notices (a sign-in link you ask for is always sent). ' +
      'Resuming also queues the reminders of your meetings and office-hour slots still to come',
  })
  async setMailOptOut(@CurrentActor() actor: Actor, @Args('optOut', { type: () => Boolean }) optOut: boolean): Promise<Attendee> {
    return toAttendeeModel(await this.mailPreferencesService.setOptOut(actor, optOut), 'full');
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Anyone: email a sign-in link to this address if it belongs to an attendee of the event. Always true: the answer says nothing about who is registered',
  })
  requestSignInLink(@Args('input') input: RequestSignInLinkInput, @ClientAddress() client: string): Promise<boolean> {
    return this.signInLinksService.request(input.email, input.eventSlug, client);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with the token of a sign-in link (once, before it expires); the same payload as login' })
  async signInWithLink(@Args('input') input: SignInWithLinkInput): Promise<AuthPayload> {
    return toAuthPayload(await this.signInLinksService.redeem(input.token));
  }
}
