import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from './actor';
import { toAuthPayload } from './auth-payload.mapper';
import { ClientAddress, CurrentActor, CurrentSession, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { IssueAccessCodesArgs, MAX_CODES_AT_ONCE } from './inputs/issue-access-codes.args';
import { LoginInput } from './inputs/login.input';
import { AccessCodeGrant, AuthPayload, Viewer } from './models/auth.models';
import { toViewer } from './viewer.mapper';

@Resolver()
export class AuthResolver {
  constructor(private readonly authService: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange a password or a one-time access code for a session token' })
  async login(@Args('input') input: LoginInput, @ClientAddress() clientAddress: string | undefined): Promise<AuthPayload> {
    return toAuthPayload(await this.authService.login({ ...input, clientAddress }));
  }

  @Mutation(() => AuthPayload, {
    description: 'A fresh token for the current session, lasting as long as the session may now last; call it once `refreshAfter` has passed',
  })
  async refreshSession(@CurrentActor() actor: Actor, @CurrentSession() sessionId: string): Promise<AuthPayload> {
    return toAuthPayload(await this.authService.refreshSession(actor, sessionId));
  }

  @Mutation(() => Boolean, { description: 'End the current session: its tokens stop working at once' })
  signOut(@CurrentSession() sessionId: string): Promise<boolean> {
    return this.authService.signOut(sessionId);
  }

  @Mutation(() => Int, { description: 'End every session of yours, on every device (this one too); answers how many were open' })
  signOutEverywhere(@CurrentActor() actor: Actor): Promise<number> {
    return this.authService.signOutEverywhere(actor);
  }

  @Query(() => Viewer, { description: 'Who the current token belongs to' })
  me(@CurrentActor() actor: Actor): Viewer {
    return toViewer(actor);
  }

  @Mutation(() => AccessCodeGrant, {
    description: 'Organisers: a new one-time access code for an attendee (earlier unused codes stop working)',
  })
  async issueAccessCode(@CurrentActor() actor: Actor, @Args('attendeeId', { type: () => ID }) attendeeId: string) {
    const grant = await this.authService.issueAttendeeCode(actor, attendeeId);
    return { code: grant.code, expiresAt: grant.expiresAt, attendeeId: grant.attendee.id, accountId: null };
  }

  @Mutation(() => [AccessCodeGrant], {
    description: `Organisers: new one-time access codes for up to ${MAX_CODES_AT_ONCE} attendees at once, in the order given (earlier unused codes stop working); all or none`,
  })
  async issueAccessCodes(@CurrentActor() actor: Actor, @Args() { attendeeIds }: IssueAccessCodesArgs) {
    const grants = await this.authService.issueAttendeeCodes(actor, attendeeIds);
    return grants.map((grant) => ({ code: grant.code, expiresAt: grant.expiresAt, attendeeId: grant.attendee.id, accountId: null }));
  }
}
