import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { AccountsService } from './accounts.service';
import { AddOrganiserInput } from './inputs/add-organiser.input';
import { OrganiserGrant } from './models/organiser.model';

@Resolver()
export class AccountsResolver {
  constructor(private readonly accountsService: AccountsService) {}

  @Mutation(() => OrganiserGrant, { description: 'Admin: name an organiser of an event; returns their one-time access code' })
  async addOrganiser(@CurrentActor() actor: Actor, @Args('input') input: AddOrganiserInput): Promise<OrganiserGrant> {
    const { account, grant } = await this.accountsService.addOrganiser(actor, input);
    return {
      organiser: { id: account.id, email: account.email, name: account.name },
      accessCode: { ...grant, accountId: account.id, attendeeId: null },
    };
  }

  @Mutation(() => Boolean, { description: 'Admin: remove an organiser from an event' })
  removeOrganiser(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('accountId', { type: () => ID }) accountId: string,
  ): Promise<boolean> {
    return this.accountsService.removeOrganiser(actor, eventId, accountId);
  }
}
