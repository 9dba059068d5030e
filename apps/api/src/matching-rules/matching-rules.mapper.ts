import type { MatchingRules as Rules, PeopleSelector } from '@pairwise/matching';
import type { EventMatchingRulesView } from './matching-rules.service';
import type { EventMatchingRules, MatchingRules, PeopleGroup } from './models/matching-rules.model';

const toGroup = (selector: PeopleSelector): PeopleGroup => ({ role: selector.role ?? null, ticketType: selector.ticketType ?? null });

/** A resolved rules document as GraphQL shows it, with the document itself as JSON. */
export function toMatchingRulesModel(rules: Rules): MatchingRules {
  return {
    version: rules.version,
    weights: { ...rules.weights, roleMixTable: rules.weights.roleMixTable.map(({ roles, bonus }) => ({ roles: [...roles], bonus })) },
    sameCompany: rules.sameCompany,
    whoCanMeet: rules.whoCanMeet.map((rule) => ({
      who: toGroup(rule.who),
      onlyWith: rule.onlyWith ? rule.onlyWith.map(toGroup) : null,
      notWith: rule.notWith ? rule.notWith.map(toGroup) : null,
    })),
    document: JSON.stringify(rules, null, 2),
  };
}

export function toEventMatchingRulesModel(view: EventMatchingRulesView): EventMatchingRules {
  return { rules: toMatchingRulesModel(view.rules), conflictsFromEarlierEvents: view.conflictsFromEarlierEvents, conflicts: view.conflicts };
}
