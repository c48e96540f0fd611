// Pieces shared by the lights pages: colour hexes, the coloured dot, and links to a colour's projects.
import type { CSSProperties } from 'react';
import type { Colour } from '../../api-lights';
import { listUrl } from '../projects/listQuery';

export const COLOURS: Colour[] = ['red', 'yellow', 'green', 'grey'];

export const COLOUR_HEX: Record<Colour, string> = {
  red: '#e5322d',
  yellow: '#f5b400',
  green: '#2fa84f',
  grey: '#b8bec6',
};

/** Darker shades for numbers and text on white. */
export const COLOUR_TEXT: Record<Colour, string> = {
  red: '#cf1322',
  yellow: '#c27c00',
  green: '#23863d',
  grey: '#6b7280',
};

/**
 * The project list behind a colour count (optionally of one unit): every colour link and chart
 * click of the app goes through this one function.
 */
export function lightListHref(colour: Colour, unitId?: number | string): string {
  return listUrl({ light: colour, unitId: unitId === undefined || unitId === null ? undefined : String(unitId) });
}

/** A round light of the colour. */
export function LightDot({
  colour,
  size = 12,
  style,
  title,
}: {
  colour: Colour;
  size?: number;
  style?: CSSProperties;
  title?: string;
}) {
  return (
    <span
      title={title}
      aria-label={title}
      style={{
        display: 'inline-block',
        flex: 'none',
        width: size,
        height: size,
        borderRadius: '50%',
        background: COLOUR_HEX[colour],
        boxShadow: size >= 20 ? `0 0 0 4px ${COLOUR_HEX[colour]}33` : undefined,
        ...style,
      }}
    />
  );
}
