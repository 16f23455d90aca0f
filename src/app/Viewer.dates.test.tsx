/**
 * The Viewer's date-sensitive tests: names, day headings and axis labels that hold days. The suite
 * runs them again under TZ=America/Los_Angeles and TZ=Asia/Tokyo: no day may move.
 */
import { describe, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import { startEachTestOnABarePage } from '../../tests/fixtures/browserLike.ts';
import { fortnight, multiDayEvent, quarter } from '../../tests/fixtures/datasets.ts';
import { dayTicks, finestStep, list, listButton, renderViewer, timeline } from './viewerTestKit.tsx';
import { inEveryZone } from '../../tests/inEveryZone.ts';

startEachTestOnABarePage();

inEveryZone(() => {
  describe('the axis zoom', () => {
    test('+ shows day ticks that were not shown, − shows fewer, 0 returns to fit-all', async () => {
      const { user } = renderViewer(quarter());
      const fitAll = dayTicks();
      expect(fitAll.length).toBeGreaterThan(2);
      expect(finestStep(fitAll)).toBeGreaterThan(1);

      await user.keyboard('++++');
      const zoomed = dayTicks();
      expect(finestStep(zoomed)).toBe(1);
      expect(zoomed.filter((t) => !fitAll.includes(t)).length).toBeGreaterThan(0);

      await user.keyboard('--');
      expect(finestStep(dayTicks())).toBeGreaterThan(1);

      await user.keyboard('++++0');
      expect(dayTicks()).toEqual(fitAll);
    });

    test('the zoom buttons do what the keys do', async () => {
      const { user } = renderViewer(quarter());
      const fitAll = dayTicks();
      const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
      for (let i = 0; i < 4; i++) await user.click(zoomIn);
      expect(finestStep(dayTicks())).toBe(1);
      await user.click(screen.getByRole('button', { name: 'Zoom out' }));
      await user.click(screen.getByRole('button', { name: 'Fit all' }));
      expect(dayTicks()).toEqual(fitAll);
    });

  });

  describe('names', () => {
    test('the timeline has an accessible name with the number of events and the days it covers', () => {
      renderViewer(fortnight());
      expect(timeline()).toHaveAccessibleName('Timeline of 7 events from 24 Feb 2022 to 10 Mar 2022');
      expect(screen.getByRole('region', { name: 'Timeline' })).toContainElement(timeline());
    });

    test('each marker is named by its date, category and title', () => {
      renderViewer(fortnight());
      expect(within(timeline()).getByRole('button', { name: 'Thu 24 Feb 2022, Military: Invasion begins' })).toBeInTheDocument();
      expect(within(timeline()).getByRole('button', { name: 'Thu 3 Mar 2022, International response: New sanctions announced' })).toBeInTheDocument();
      expect(within(timeline()).getByRole('button', { name: 'Tue 1 Mar 2022, Humanitarian: Aid convoy leaves Lviv' })).toBeInTheDocument();
    });

    test('a multi-day event is named by its first and last day', () => {
      renderViewer(multiDayEvent());
      expect(within(timeline()).getByRole('button', { name: 'From Mon 28 Feb to Thu 3 Mar 2022, Military: Siege of the port' })).toBeInTheDocument();
    });
  });

  describe('time zones', () => {
    // The suite also runs under TZ=America/Los_Angeles and TZ=Asia/Tokyo: these days must not move.
    test('day headings and datetime attributes are the days of the data', async () => {
      const { user } = renderViewer(fortnight());
      const headings = within(list()).getAllByRole('heading', { level: 2 });
      expect(headings.map((h) => h.textContent)).toEqual([
        'Thu 24 Feb 2022', 'Mon 28 Feb 2022', 'Tue 1 Mar 2022', 'Thu 3 Mar 2022', 'Wed 9 Mar 2022', 'Thu 10 Mar 2022',
      ]);
      expect(headings.map((h) => h.querySelector('time')?.getAttribute('datetime'))).toEqual([
        '2022-02-24', '2022-02-28', '2022-03-01', '2022-03-03', '2022-03-09', '2022-03-10',
      ]);
      expect(within(screen.getByRole('banner')).getByText('24 Feb 2022')).toHaveAttribute('datetime', '2022-02-24');
      expect(within(screen.getByRole('banner')).getByText('10 Mar 2022')).toHaveAttribute('datetime', '2022-03-10');

      await user.click(listButton('Evacuation from Sumy'));
      const details = screen.getByRole('region', { name: 'Evacuation from Sumy' });
      expect(within(details).getByText('Wed 9 Mar 2022')).toHaveAttribute('datetime', '2022-03-09');
    });

    test('the axis labels the days of the data', () => {
      renderViewer(fortnight()); // about 50 px a day: a label every day
      const ticks = dayTicks();
      for (const day of ['24 Feb', '28 Feb', '1 Mar', '3 Mar', '9 Mar']) expect(ticks).toContain(day);
      expect(ticks.indexOf('1 Mar') - ticks.indexOf('28 Feb')).toBe(1);
    });
  });

  describe('a date link and the zoom', () => {
    test('zooming in on a date link keeps its day in view and in the link', async () => {
      const { user } = renderViewer(fortnight());
      window.history.replaceState(null, '', '?date=2022-03-09&scale=time');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await user.keyboard('++++');
      const params = new URLSearchParams(window.location.search);
      expect(params.get('date')).toBe('2022-03-09');
      expect(params.get('from')! <= '2022-03-09' && '2022-03-09' <= params.get('to')!).toBe(true);
      expect(dayTicks()).toContain('9 Mar');
    });
  });
});
