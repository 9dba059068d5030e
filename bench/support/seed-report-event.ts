import type { Client } from 'pg';

export interface SeededReportEvent {
  eventId: string;
  slug: string;
  attendees: number;
  rounds: number;
  meetings: number;
}

/**
 * A large event for report exports, written by SQL in a few statements:
 * 2·T attendees (accents, CJK and emoji in some names), R closed rounds of T
 * pair meetings each — round r seats attendee k with attendee T + (k + r) mod T,
 * so no pair repeats — with reasons, scores, a no-show now and then, and
 * feedback on every third meeting. Used by the large-export e2e test and by
 * `npm run bench:reports`.
 */
export async function seedReportEvent(client: Client, options: { slug: string; tables: number; rounds: number }): Promise<SeededReportEvent> {
  const { slug, tables: T, rounds: R } = options;
  if (R > T) throw new Error('rounds must not exceed tables (pairs would repeat)');
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error('the slug goes into SQL text: lower-case letters, digits and dashes only');
  const id = (kind: string, ...parts: string[]) => `md5('${slug}:${kind}:' || ${parts.join(` || ':' || `)})::uuid`;
  await client.query('BEGIN');
  try {
    const {
      rows: [event],
    } = await client.query(`INSERT INTO events (slug, name, time_zone) VALUES ($1, $2, 'Europe/Paris') RETURNING id`, [slug, `Report benchmark ${slug}`]);
    await client.query(
      `INSERT INTO attendees (id, event_id, email, name, company, role, interests, languages, consent_matchmaking, consent_at, present)
       SELECT ${id('a', 'i')}, $1, 'attendee-' || i || '@bench.example',
              'Attendee ' || i || (ARRAY[' Zoë Ångström', ' 李小龍', ' 🎉 Party', ' O''Brien', ''])[i % 5 + 1],
              'Company ' || (i % 250), (ARRAY['engineer', 'researcher', 'founder', 'investor', 'designer'])[i % 5 + 1],
              ARRAY['rag', 'evals', 'inference'], ARRAY['en'], true, now(), true
         FROM generate_series(0, $2::int - 1) AS i`,
      [event.id, 2 * T],
    );
    await client.query(
      `INSERT INTO rounds (id, event_id, name, starts_at, duration_minutes, tables, status, published_at)
       SELECT ${id('r', 'r')}, $1, 'Round ' || (r + 1), timestamptz '2030-06-01 08:00Z' + r * interval '20 minutes', 15, '{}', 'CLOSED', now()
         FROM generate_series(0, $2::int - 1) AS r`,
      [event.id, R],
    );
    // Seat k with T + (k + r) mod T; a score in [-0.3, 2.2) that varies by table and round.
    const seats = `SELECT r, k, ${id('r', 'r')} AS round_id, ${id('m', 'r', 'k')} AS meeting_id,
                          ${id('a', 'k')} AS a, ${id('a', `(${T} + (k + r) % ${T})`)} AS b,
                          ((k * 7919 + r * 104729) % 1000) / 400.0 - 0.3 AS score
                     FROM generate_series(0, ${R - 1}) AS r, generate_series(0, ${T - 1}) AS k`;
    await client.query(
      `INSERT INTO meetings (id, round_id, event_id, table_number, table_label, starts_at, ends_at, score, reasons, status)
       SELECT s.meeting_id, s.round_id, $1, s.k + 1, 'Table ' || (s.k + 1),
              timestamptz '2030-06-01 08:00Z' + s.r * interval '20 minutes', timestamptz '2030-06-01 08:15Z' + s.r * interval '20 minutes',
              s.score,
              jsonb_build_array(jsonb_build_object('a', s.a, 'b', s.b, 'score', s.score, 'sharedInterests', jsonb_build_array('rag', 'evals'),
                'aSeeksBOffers', jsonb_build_array('gpu-access'), 'bSeeksAOffers', '[]'::jsonb, 'sharedStack', '[]'::jsonb,
                'commonLanguages', jsonb_build_array('en'), 'wish', CASE WHEN s.k % 11 = 0 THEN 'mutual' ELSE 'none' END, 'roleMix', null, 'sameCompany', false)),
              CASE WHEN s.k % 37 = 0 THEN 'NO_SHOW' ELSE 'HELD' END
         FROM (${seats}) s`,
      [event.id],
    );
    await client.query(
      `INSERT INTO meeting_participants (meeting_id, attendee_id, round_id, no_show)
       SELECT s.meeting_id, p.attendee_id, s.round_id, p.first AND s.k % 37 = 0
         FROM (${seats}) s CROSS JOIN LATERAL (VALUES (s.a, true), (s.b, false)) AS p(attendee_id, first)`,
    );
    await client.query(
      `INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id)
       SELECT $1, least(s.a, s.b), greatest(s.a, s.b), s.meeting_id FROM (${seats}) s WHERE s.k % 37 <> 0`,
      [event.id],
    );
    await client.query(
      `INSERT INTO feedback (meeting_id, attendee_id, met, rating, would_meet_again)
       SELECT s.meeting_id, s.b, true, (s.k + s.r) % 5 + 1, (s.k + s.r) % 3 <> 0 FROM (${seats}) s WHERE s.k % 3 = 0 AND s.k % 37 <> 0`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE attendees, rounds, meetings, meeting_participants, feedback');
    return { eventId: event.id, slug, attendees: 2 * T, rounds: R, meetings: R * T };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
