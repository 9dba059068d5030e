import type { MigrationInterface } from 'typeorm';
import { Init1795603933545 } from './1795603933545-Init';
import { Rounds1795604749552 } from './1795604749552-Rounds';
import { CalendarFeed1795606788052 } from './1795606788052-CalendarFeed';
import { Talks1795607213456 } from './1795607213456-Talks';
import { ReportExports1795607710521 } from './1795607710521-ReportExports';
import { PrivacyAndLimits1795607858166 } from './1795607858166-PrivacyAndLimits';
import { Sessions1796529695705 } from './1796529695705-Sessions';
import { GenerationLease1796530073112 } from './1796530073112-GenerationLease';
import { SignInThrottle1796530769009 } from './1796530769009-SignInThrottle';
import { AccessCodeRevocation1796533634593 } from './1796533634593-AccessCodeRevocation';
import { Mail1796536000000 } from './1796536000000-Mail';
import { MeetingTextsRendered1796541000000 } from './1796541000000-MeetingTextsRendered';
import { SignInRequestsDispatched1796543675653 } from './1796543675653-SignInRequestsDispatched';
import { MailClaimPriority1796547640463 } from './1796547640463-MailClaimPriority';
import { SharedRateLimits1796553067869 } from './1796553067869-SharedRateLimits';
import { AgendaImport1796554000000 } from './1796554000000-AgendaImport';
import { AvailabilityWindows1796564354901 } from './1796564354901-AvailabilityWindows';
import { MeetingRequests1796566000000 } from './1796566000000-MeetingRequests';
import { TalkBookmarks1796566100000 } from './1796566100000-TalkBookmarks';
import { RoundTableSize1796566600000 } from './1796566600000-RoundTableSize';
import { MatchingRules1796567000000 } from './1796567000000-MatchingRules';
import { RequestSlots1796568000000 } from './1796568000000-RequestSlots';

/**
 * Every migration, in order. `npm run migration:generate -- migrations/<Name>`
 * writes a new file; add its class here (explicit imports work the same in
 * the compiled app, the CLI and jest, where a glob would not).
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Init1795603933545, Rounds1795604749552, CalendarFeed1795606788052, Talks1795607213456, ReportExports1795607710521, PrivacyAndLimits1795607858166, Sessions1796529695705, GenerationLease1796530073112, SignInThrottle1796530769009, AccessCodeRevocation1796533634593, Mail1796536000000, MeetingTextsRendered1796541000000, SignInRequestsDispatched1796543675653, MailClaimPriority1796547640463, SharedRateLimits1796553067869, AgendaImport1796554000000, AvailabilityWindows1796564354901, MeetingRequests1796566000000, TalkBookmarks1796566100000, RoundTableSize1796566600000, MatchingRules1796567000000, RequestSlots1796568000000];
