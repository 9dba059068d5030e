import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { idArg } from '../common/validation';
import type { Actor } from './actor';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginInput } from './inputs/login.input';
import { AccessCodeGrant, AuthPayload, Viewer } from './models/auth.models';
import { toViewer } from './viewer.mapper';

@Resolver()
export class AuthResolver {
  constructor(private readonly authService: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange a password or a one-time access code for a short-lived token' })
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    const issued = await this.authService.login(input);
    return { token: issued.token, expiresAt: issued.expiresAt, viewer: toViewer(issued.actor) };
  }

  @Query(() => Viewer, { description: 'Who the current token belongs to' })
  me(@CurrentActor() actor: Actor): Viewer {
    return toViewer(actor);
  }

  @Mutation(() => AccessCodeGrant, {
    description: 'Organisers: a new one-time access code for an attendee (earlier unused codes stop working)',
  })
  async issueAccessCode(@CurrentActor() actor: Actor, @Args('attendeeId', { type: () => ID }, idArg('attendeeId')) attendeeId: string) {
    const grant = await this.authService.issueAttendeeCode(actor, attendeeId);
    return { code: grant.code, expiresAt: grant.expiresAt, attendeeId: grant.attendee.id, accountId: null };
  }
}
