import { formatDateTime } from '../lib/dates';

/**
 * "23 November 2026, 14:05" that breaks, if it must, between the date and the time rather
 * than inside either, with the machine-readable moment in <time>.
 */
export function DateTime({ iso }: { iso: string }) {
  const [date, time] = formatDateTime(iso).split(', ');
  return (
    <time dateTime={iso}>
      <span className="cb-nowrap">{time ? `${date},` : date}</span> {time && <span className="cb-nowrap">{time}</span>}
    </time>
  );
}
