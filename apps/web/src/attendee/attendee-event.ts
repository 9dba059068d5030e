import { useMemo } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';

/** What an attendee page shows of its event: the name in its header, times in the event's zone, tags by their labels. */
export const AttendeeEventFragment = graphql(`
  fragment AttendeeEvent_event on Event {
    id
    name
    timeZone
    vocabulary {
      slug
      label
    }
  }
`);

/** The page's event (undefined while it loads) and the labels of the vocabulary's tags, by slug. */
export function useAttendeeEvent(ref: FragmentType<typeof AttendeeEventFragment> | undefined) {
  const event = getFragmentData(AttendeeEventFragment, ref);
  const vocabulary = event?.vocabulary;
  const tagLabels = useMemo(() => new Map(vocabulary?.map((tag) => [tag.slug, tag.label])), [vocabulary]);
  return { event, tagLabels };
}
