import { webcalUrl } from './webcal';

describe('webcalUrl', () => {
  it('swaps the scheme and keeps the rest, token included', () => {
    expect(webcalUrl('https://pairwise.example/attendees/me/meetings.ics?token=abc_D-9')).toBe('webcal://pairwise.example/attendees/me/meetings.ics?token=abc_D-9');
    expect(webcalUrl('http://127.0.0.1:3000/attendees/me/meetings.ics?token=x')).toBe('webcal://127.0.0.1:3000/attendees/me/meetings.ics?token=x');
  });
});
