import { formatRounds } from './rounds.action';

describe('formatRounds', () => {
  it('aligns id, status and start in columns, the name last, whatever its spaces and letters', () => {
    const rounds = [
      { id: '11111111-1111-4111-8111-111111111111', name: 'Morning coffee', status: 'PUBLISHED', startsAt: '2030-06-01T08:00:00.000Z', startsAtLocal: '2030-06-01T10:00:00+02:00' },
      { id: '22222222-2222-4222-8222-222222222222', name: 'Café ☕  late', status: 'DRAFT', startsAt: '2030-06-01T20:30:00.000Z', startsAtLocal: '2030-06-01T22:30:00+02:00' },
    ];
    expect(formatRounds('demo', 'Europe/Paris', rounds).split('\n')).toEqual([
      'ID                                    STATUS     STARTS (Europe/Paris)  NAME',
      '11111111-1111-4111-8111-111111111111  PUBLISHED  2030-06-01 10:00       Morning coffee',
      '22222222-2222-4222-8222-222222222222  DRAFT      2030-06-01 22:30       Café ☕  late',
      '',
    ]);
  });

  it('says when there is no round yet', () => {
    expect(formatRounds('demo', 'UTC', [])).toBe('demo: no rounds yet\n');
  });
});
